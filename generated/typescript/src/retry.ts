// generated from spec/openapi.yaml by `make generate`; do not edit
/**
 * When to retry, and how long to wait first. The policy every generated client follows:
 *
 * | failure | operation `idempotent` | not idempotent (create calls), default | with `retry_unsafe` / `retryUnsafe` / `WithRetryUnsafe(true)` |
 * |---|---|---|---|
 * | connection failed before the request was sent (refused, DNS, connect timeout) | retry | retry | retry |
 * | 429 Too Many Requests | retry | retry | retry |
 * | 408, 409, 5xx | retry | no | retry |
 * | timeout or dropped connection after the request was sent | retry | no | retry |
 * | other 4xx, validation errors, too-large responses | no | no | no |
 *
 * A create that may have reached the server is not retried by default: the retry could place
 * a second, paid call.
 */

/** Milliseconds of the first backoff; it doubles per retry up to MAX_BACKOFF_MS. */
const INITIAL_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8000;
/** A server's wait longer than this is not honoured: the backoff is used instead. */
const MAX_RETRY_AFTER_MS = 60000;
/** A wait: an unsigned decimal number. */
const DECIMAL = /^[0-9]+(\.[0-9]+)?$/;
/** An HTTP date (IMF-fixdate), e.g. "Wed, 21 Oct 2015 07:28:00 GMT". */
const HTTP_DATE = /^[A-Za-z]{3}, [0-9]{2} [A-Za-z]{3} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$/;
/**
 * Error codes (undici's and the system's) of a connection that failed before any byte of the
 * request left: refused, unknown host, unreachable, connect timeout.
 */
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** How far a failed attempt got. */
export type Failure =
  /** the connection failed before the request was sent */
  | { readonly kind: "not-sent" }
  /** a timeout or dropped connection after the request may have been sent */
  | { readonly kind: "maybe-sent" }
  /** an answer arrived with a status outside 2xx */
  | { readonly kind: "status"; readonly status: number; readonly headers: Headers }
  /** never retried: a too-large answer, an abort, a misuse */
  | { readonly kind: "final" };

/** Whether a failure may be retried, by the table of the module doc. */
export function retryable(failure: Failure, idempotent: boolean, retryUnsafe: boolean): boolean {
  const unsafeOk = idempotent || retryUnsafe;
  switch (failure.kind) {
    case "not-sent":
      return true;
    case "maybe-sent":
      return unsafeOk;
    case "status":
      if (failure.status === 429) return true;
      return unsafeOk && (failure.status === 408 || failure.status === 409 || failure.status >= 500);
    case "final":
      return false;
  }
}

function codes(error: unknown): string[] {
  if (typeof error !== "object" || error === null) return [];
  const code = (error as { code?: unknown }).code;
  const inner = (error as { errors?: unknown }).errors; // AggregateError: one per address tried
  const nested = Array.isArray(inner) ? inner.flatMap(codes) : [];
  return typeof code === "string" ? [code, ...nested] : nested;
}

/**
 * Whether a `fetch` rejection says the request cannot have been sent: undici puts the system
 * error in `cause` (an AggregateError when several addresses were tried, each refused).
 */
export function notSent(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth += 1) {
    const found = codes(current);
    if (found.length > 0) return found.every((code) => NOT_SENT_CODES.has(code));
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Milliseconds the server asks to wait before the next attempt, or `undefined` to back off
 * instead. The rule every generated client follows: a wait is an unsigned decimal number;
 * `Retry-After` may instead be an HTTP date (IMF-fixdate), and a date in the past means "now".
 * The first of `retry-after-ms` (milliseconds) and `Retry-After` (seconds or date) that parses
 * wins; a negative, malformed or empty value is ignored; a wait beyond MAX_RETRY_AFTER_MS is
 * not honoured.
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const millis = (headers.get("retry-after-ms") ?? "").trim();
  const after = (headers.get("retry-after") ?? "").trim();
  let delay: number;
  if (DECIMAL.test(millis)) delay = Number(millis);
  else if (DECIMAL.test(after)) delay = Number(after) * 1000;
  else if (HTTP_DATE.test(after)) {
    const date = Date.parse(after);
    if (Number.isNaN(date)) return undefined;
    delay = Math.max(0, date - now);
  } else return undefined;
  return delay <= MAX_RETRY_AFTER_MS ? delay : undefined;
}

/** Exponential backoff before retry number `retry` (0 first): doubling from INITIAL_BACKOFF_MS up to MAX_BACKOFF_MS, less up to 25 % jitter. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const delay = Math.min(INITIAL_BACKOFF_MS * 2 ** retry, MAX_BACKOFF_MS);
  return delay * (1 - random() * 0.25);
}

/** The wait before the next attempt: the server's, when it names one, else the backoff. */
export function waitMs(failure: Failure, retry: number): number {
  const asked = failure.kind === "status" ? retryAfterMs(failure.headers) : undefined;
  return asked ?? backoffMs(retry);
}
