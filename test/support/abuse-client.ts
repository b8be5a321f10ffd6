import { connect } from "node:net";
import type { Caller, HostileRequest } from "./abuse-request.js";

/** A request with no answer after this long counts as a hang. */
export const ANSWER_TIMEOUT_MS = 10_000;

/** How the API answered one request, or why it did not. */
export interface Answer {
  /** 0 when there was no answer. */
  status: number;
  text: string;
  /** From sending until the whole body arrived. */
  ms: number;
  /** Set when no answer came: a hang (no answer in time) or a network error. */
  failure?: string;
}

/** The headers each kind of caller sends. */
export type Credentials = Record<Caller, Record<string, string>>;

/** Sends one request and waits for its whole answer, at most {@link ANSWER_TIMEOUT_MS}. */
export async function send(
  apiUrl: string,
  request: HostileRequest,
  credentials: Credentials,
): Promise<Answer> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  if (request.raw) return sendRaw(new URL(apiUrl), request.raw, started);
  const body = typeof request.body === "function" ? request.body() : request.body;
  // A JSON body unless the request says otherwise; bytes go without a type unless it names one.
  const contentType: Record<string, string> =
    typeof body === "string" ? { "content-type": "application/json" } : {};
  try {
    const response = await fetch(`${apiUrl}${request.target ?? "/graphql"}`, {
      method: request.method ?? "POST",
      headers: { ...contentType, ...credentials[request.caller], ...request.headers },
      // Bytes as a copy: fetch's types take views of a plain ArrayBuffer only.
      ...(body === undefined
        ? {}
        : { body: typeof body === "string" ? body : new Uint8Array(body) }),
      signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
    });
    const text = await response.text();
    return { status: response.status, text, ms: ms() };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    return { status: 0, text: "", ms: ms(), failure: timedOut ? "hang" : describe(error) };
  }
}

/**
 * Writes `bytes` to a fresh connection and reads until the server closes it. The bytes must ask
 * for `Connection: close`, or be HTTP the server refuses (it closes after answering those).
 */
function sendRaw(url: URL, bytes: Uint8Array, started: number): Promise<Answer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(url.port), url.hostname);
    const finish = (failure?: string) => {
      clearTimeout(timer);
      socket.destroy();
      const ms = Math.round(performance.now() - started);
      const response = Buffer.concat(chunks).toString("utf8");
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(response)?.[1] ?? 0);
      const headerEnd = response.indexOf("\r\n\r\n");
      const text = headerEnd === -1 ? "" : response.slice(headerEnd + 4);
      resolve(
        status === 0
          ? { status, text, ms, failure: failure ?? "no HTTP answer" }
          : { status, text, ms },
      );
    };
    const timer = setTimeout(() => {
      finish("hang");
    }, ANSWER_TIMEOUT_MS);
    socket.on("connect", () => socket.write(bytes));
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => {
      finish();
    });
    socket.on("error", (error) => {
      finish(describe(error));
    });
  });
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}
