// generated from spec/openapi.yaml by `make generate`; do not edit
/**
 * One attempt of a request: `fetch` with redirects left unfollowed, one timeout covering the
 * whole attempt (the body read included, so a server dripping bytes cannot hold it), and the
 * body read from its stream up to a size cap (beyond it: abort, no further byte is read).
 */

import { APIConnectionError, APIResponseTooLargeError, APITimeoutError, type RetellError } from "./errors.js";
import type { Redactor } from "./redact.js";
import { notSent, type Failure } from "./retry.js";

/** The `fetch` the client calls: the global one unless another is given. */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** An answer, read in full. */
export interface Answer {
  readonly status: number;
  /** The reason phrase, the key removed. */
  readonly statusText: string;
  readonly headers: Headers;
  readonly text: string;
}

export type Outcome =
  | { readonly answer: Answer; readonly error?: undefined }
  | { readonly answer?: undefined; readonly error: RetellError; readonly failure: Failure };

export interface AttemptSettings {
  readonly fetch: Fetch;
  /** Milliseconds for the whole attempt. */
  readonly timeout: number;
  readonly maxBytes: number;
  /** The caller's signal: an abort ends the attempt, and the call. */
  readonly signal: AbortSignal | undefined;
  readonly redactor: Redactor;
}

const TOO_LARGE: unique symbol = Symbol("too large");

/** A promise that rejects when `signal` aborts (so a `fetch` or stream that ignores it cannot hang). */
function aborted(signal: AbortSignal): Promise<never> {
  const promise = new Promise<never>((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
  promise.catch(() => undefined); // settled by whichever race awaits it
  return promise;
}

async function readCapped(response: Response, maxBytes: number, stop: Promise<never>): Promise<Uint8Array> {
  const body = response.body;
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), stop]);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw TOO_LARGE;
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Why `fetch` failed, from its cause chain (undici puts the system error in `cause`). */
function reason(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    parts.push(typeof code === "string" ? `${current.message} (${code})` : current.message);
    current = current.cause;
  }
  return parts.length === 0 ? "unknown error" : parts.join(": ");
}

/** The error's cause chain, unless some text of it shows the key (then it is not kept). */
function safeCause(error: unknown, redactor: Redactor): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    const text = current instanceof Error ? `${current.message}\n${current.stack ?? ""}` : String(current);
    if (redactor.shows(text)) return undefined;
    current = current instanceof Error ? current.cause : undefined;
  }
  return error;
}

/** Sends one request and reads its answer; never throws: a failure is an Outcome too. */
export async function attempt(url: string, init: RequestInit, settings: AttemptSettings): Promise<Outcome> {
  const { timeout, signal, redactor } = settings;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const onAbort = (): void => controller.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  const stop = aborted(controller.signal);
  let sending = true;
  const failed = (error: unknown): Outcome => {
    const cause = safeCause(error, redactor);
    if (timedOut) {
      const message = `Request timed out after ${timeout} ms.`;
      return { error: new APITimeoutError(message, { cause }), failure: { kind: "maybe-sent" } };
    }
    if (signal?.aborted === true) {
      return { error: new APIConnectionError("Request was aborted.", { cause }), failure: { kind: "final" } };
    }
    const connection = new APIConnectionError(`Connection error: ${redactor.text(reason(error))}`, { cause });
    return { error: connection, failure: { kind: sending && notSent(error) ? "not-sent" : "maybe-sent" } };
  };
  try {
    if (signal?.aborted === true) return failed(signal.reason);
    let response: Response;
    try {
      // redirect "manual": a 3xx is returned, never followed (the key must not reach another origin)
      const sent = settings.fetch(url, { ...init, redirect: "manual", signal: controller.signal });
      response = await Promise.race([sent, stop]);
    } catch (error) {
      return failed(error);
    }
    sending = false;
    const head = { status: response.status, statusText: redactor.text(response.statusText), headers: response.headers };
    const declared = Number(response.headers.get("content-length") ?? "");
    let bytes: Uint8Array;
    try {
      if (Number.isFinite(declared) && declared > settings.maxBytes) throw TOO_LARGE;
      bytes = await readCapped(response, settings.maxBytes, stop);
    } catch (error) {
      if (error !== TOO_LARGE) return failed(error);
      controller.abort(); // drop the connection: no further byte is read
      const message = `${head.status} response is larger than maxResponseBytes (${settings.maxBytes} bytes): reading stopped`;
      const tooLarge = new APIResponseTooLargeError(message, {
        status: head.status,
        headers: redactor.headers(head.headers),
        limit: settings.maxBytes,
      });
      return { error: tooLarge, failure: { kind: "final" } };
    }
    return { answer: { ...head, text: new TextDecoder().decode(bytes) } };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}
