// A scripted HTTP server on 127.0.0.1 and a free port, and other helpers of the client tests.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const API_KEY = "key_SECRET_0123456789abcdef";

/** What the server answers to one request. */
export interface Reply {
  readonly status?: number;
  readonly body?: unknown;
  /** Sent as is instead of JSON-encoding `body`. */
  readonly raw?: string;
  readonly headers?: { readonly [name: string]: string };
  /** Milliseconds to wait before answering. */
  readonly delayMs?: number;
  /** Close the connection without answering (after reading the request). */
  readonly drop?: boolean;
  /** Send the headers, then `chunk` every `everyMs` ms, `count` times, then end. */
  readonly drip?: { readonly chunk: string; readonly everyMs: number; readonly count: number };
  /** Stream this many bytes of a JSON string, as fast as the client reads them. */
  readonly streamBytes?: number;
}

export interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
  readonly at: number;
}

export interface TestServer {
  readonly url: string;
  readonly requests: Recorded[];
  /** Bytes of answer bodies the server managed to hand to the socket. */
  readonly written: { bytes: number; closedEarly: boolean };
  close(): Promise<void>;
}

type Script = readonly Reply[] | ((request: Recorded, index: number) => Reply);

function readAll(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** Serves the replies in order (the last one repeats), recording every request. */
export async function serve(script: Script): Promise<TestServer> {
  const requests: Recorded[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const written = { bytes: 0, closedEarly: false };
  const later = (ms: number, action: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
  };
  const stream = (response: ServerResponse, total: number): void => {
    const chunk = Buffer.alloc(64 * 1024, "a");
    response.on("close", () => {
      if (written.bytes < total) written.closedEarly = true;
    });
    const pump = (): void => {
      while (written.bytes < total && !response.destroyed) {
        const size = Math.min(chunk.length, total - written.bytes);
        written.bytes += size;
        if (!response.write(chunk.subarray(0, size))) {
          response.once("drain", pump);
          return;
        }
      }
      if (!response.destroyed) response.end();
    };
    pump();
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      const recorded: Recorded = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: await readAll(request),
        at: Date.now(),
      };
      const index = requests.length;
      requests.push(recorded);
      const reply = typeof script === "function" ? script(recorded, index) : script[Math.min(index, script.length - 1)];
      if (reply === undefined) throw new Error("empty script");
      const send = (): void => {
        if (reply.drop === true) {
          request.socket.destroy();
          return;
        }
        const headers = { "content-type": "application/json", ...reply.headers };
        if (reply.streamBytes !== undefined) {
          response.writeHead(reply.status ?? 200, headers);
          stream(response, reply.streamBytes);
          return;
        }
        if (reply.drip !== undefined) {
          const { chunk, everyMs, count } = reply.drip;
          response.writeHead(reply.status ?? 200, headers);
          const tick = (left: number): void => {
            if (response.destroyed) return;
            if (left === 0) {
              response.end();
              return;
            }
            response.write(chunk);
            later(everyMs, () => tick(left - 1));
          };
          tick(count);
          return;
        }
        const text = reply.raw ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
        response.writeHead(reply.status ?? 200, headers);
        response.end(text);
      };
      if (reply.delayMs === undefined) send();
      else later(reply.delayMs, send);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    written,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The waits a client asked for, recorded instead of slept (the `sleep` option). */
export function recordedSleep(): { readonly waits: number[]; readonly sleep: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

/** The error a promise rejects with (failing when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value: unknown) => {
      throw new Error(`expected an error, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

export const PHONE_CALL = {
  call_type: "phone_call",
  from_number: "+14155550100",
  to_number: "+14155550123",
  direction: "outbound",
  call_id: "Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6",
  agent_id: "oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD",
  call_status: "registered",
} as const;

export const REGISTERED_CALL = {
  call_id: "Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6",
  agent_id: "oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD",
  audio_websocket_protocol: "twilio",
  audio_encoding: "mulaw",
  sample_rate: 8000,
  call_status: "registered",
} as const;

export const NUMBERS = { from_number: "+14155550100", to_number: "+14155550123" } as const;
