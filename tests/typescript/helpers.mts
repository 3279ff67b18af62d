// A scripted HTTP server on 127.0.0.1 and a free port, for the client tests.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const API_KEY = "key_SECRET_0123456789abcdef";

/** What the server answers to one request. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  /** Sent as is instead of JSON-encoding `body`. */
  readonly raw?: string;
  readonly headers?: { readonly [name: string]: string };
  /** Milliseconds to wait before answering. */
  readonly delayMs?: number;
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
      const reply =
        typeof script === "function" ? script(recorded, index) : script[Math.min(index, script.length - 1)];
      if (reply === undefined) throw new Error("empty script");
      const send = () => {
        const text = reply.raw ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
        response.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
        response.end(text);
      };
      if (reply.delayMs === undefined) send();
      else {
        const timer = setTimeout(() => {
          timers.delete(timer);
          send();
        }, reply.delayMs);
        timers.add(timer);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
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

export const PHONE_CALL = {
  call_type: "phone_call",
  from_number: "+14157774444",
  to_number: "+12137774445",
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

export const NUMBERS = { from_number: "+14157774444", to_number: "+12137774445" } as const;
