// generated from spec/openapi.yaml by `make generate`; do not edit
/**
 * Keeps the API key out of errors: text that came from the server (a body, a header, a reason
 * phrase) may echo the key, as sent or in any encoding a server may echo it in (URL-encoded,
 * JSON-escaped, base64 of the key or of the whole `Authorization` value).
 */

const MARK = "[REDACTED]";

function base64(text: string): string[] {
  const standard = btoa(text);
  const url = standard.replaceAll("+", "-").replaceAll("/", "_");
  return [standard, standard.replace(/=+$/, ""), url, url.replace(/=+$/, "")];
}

/** Every form of `key` a server may echo, longest first (so no form is left half replaced). */
function forms(key: string): string[] {
  const found = new Set<string>([
    key,
    encodeURIComponent(key),
    encodeURIComponent(key).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    JSON.stringify(key).slice(1, -1),
    JSON.stringify(key).slice(1, -1).replaceAll("/", "\\/"),
    ...base64(key),
    ...base64(`Bearer ${key}`),
  ]);
  return [...found].filter((form) => form.length > 0).sort((a, b) => b.length - a.length);
}

export class Redactor {
  readonly #forms: readonly string[];

  /** `key` must be visible ASCII (the client checks it first), so `btoa` can encode it. */
  constructor(key: string) {
    this.#forms = forms(key);
  }

  text(text: string): string {
    let out = text;
    for (const form of this.#forms) out = out.split(form).join(MARK);
    return out;
  }

  /** A parsed JSON value with the key removed from every string, keys of objects included. */
  json(value: unknown): unknown {
    if (typeof value === "string") return this.text(value);
    if (Array.isArray(value)) return value.map((item: unknown) => this.json(item));
    if (typeof value === "object" && value !== null) {
      // fromEntries defines properties, so a "__proto__" key stays a key
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [this.text(key), this.json(item)]));
    }
    return value;
  }

  headers(headers: Headers): Headers {
    const out = new Headers();
    headers.forEach((value, name) => out.append(name, this.text(value)));
    return out;
  }

  /** Whether `text` holds the key in any form. */
  shows(text: string): boolean {
    return this.#forms.some((form) => text.includes(form));
  }
}
