import { randomUUID } from "node:crypto";
import type { ErrorCode } from "@real-skills/shared";

/**
 * Steady load that records what happened to every single request, without retrying: when it was
 * sent and answered, its status and error codes, or the network error that ended it. Cases judge
 * the outcomes around a fault (a shutdown, a database restart) by their times.
 */

export interface Outcome {
  /** Sent as `X-Request-Id`: the API's access log names the request by it. */
  requestId: string;
  /** `performance.now()` when the request was sent. */
  sentAt: number;
  answeredAt: number;
  /** HTTP status; absent when no answer came. */
  status?: number;
  /** `extensions.code` of each GraphQL error in the answer. */
  codes: (ErrorCode | "NONE")[];
  /** The answer's `data`, for the worker's next operation. */
  data?: Record<string, unknown> | null;
  /** Why no answer came: the socket error's code (`ECONNREFUSED`, `ECONNRESET`, `UND_ERR_SOCKET`…). */
  networkError?: string;
}

export interface Operation {
  query: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** A worker: called again and again; returns the next operation to send. */
export type NextOperation = (previous: Outcome | undefined) => Promise<Operation> | Operation;

export interface RecordedLoad {
  outcomes: Outcome[];
  /** Ends the load; resolves once every worker's request in flight has ended. */
  stop(): Promise<void>;
}

/**
 * Runs one loop per worker, each sending its next operation as soon as the previous one ended,
 * until `stop()` or until `until(outcome)` says a worker should stop (e.g. the API is gone).
 */
export function recordLoad(
  url: () => string,
  workers: NextOperation[],
  { until = () => false }: { until?: (outcome: Outcome) => boolean } = {},
): RecordedLoad {
  const outcomes: Outcome[] = [];
  let stopped = false;
  const loop = async (next: NextOperation) => {
    let previous: Outcome | undefined;
    while (!stopped) {
      previous = await send(url(), await next(previous));
      outcomes.push(previous);
      if (until(previous)) return;
      // No answer comes at once from an API that is gone: do not spin.
      if (previous.networkError !== undefined)
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const running = Promise.all(workers.map(loop));
  return {
    outcomes,
    async stop() {
      stopped = true;
      await running;
    },
  };
}

async function send(url: string, operation: Operation): Promise<Outcome> {
  const requestId = randomUUID();
  const sentAt = performance.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-request-id": requestId,
        ...operation.headers,
      },
      body: JSON.stringify({ query: operation.query, variables: operation.variables ?? {} }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = bodyOf(await response.text());
    return {
      requestId,
      sentAt,
      answeredAt: performance.now(),
      status: response.status,
      codes: body ? (body.errors ?? []).map((error) => error.extensions?.code ?? "NONE") : ["NONE"],
      data: body?.data,
    };
  } catch (error) {
    const networkError = networkErrorOf(error);
    return { requestId, sentAt, answeredAt: performance.now(), codes: [], networkError };
  }
}

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { extensions?: { code?: ErrorCode } }[];
}

/** The GraphQL body of an answer; undefined when it is not JSON. */
function bodyOf(text: string): Body | undefined {
  try {
    return JSON.parse(text) as Body;
  } catch {
    return undefined;
  }
}

function networkErrorOf(error: unknown): string {
  // Duck-typed: fetch's errors come from Node's realm, not the test's, so `instanceof` fails.
  // undici's cause; `localhost` tried on both address families fails with an AggregateError.
  const failure = error as {
    name?: string;
    message?: string;
    cause?: { code?: string; errors?: { code?: string }[] };
  };
  if (failure.name === "TimeoutError") return "TIMEOUT";
  return (
    failure.cause?.code ?? failure.cause?.errors?.[0]?.code ?? failure.message ?? String(error)
  );
}

/** How many outcomes fall in each class: `200`, `503 SERVICE_UNAVAILABLE`, `ECONNREFUSED`… */
export function histogram(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) {
    const key =
      outcome.networkError ?? [String(outcome.status), ...new Set(outcome.codes)].join(" ").trim();
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** An answer with HTTP 200 and no GraphQL errors. */
export function succeeded(outcome: Outcome): boolean {
  return outcome.status === 200 && outcome.codes.length === 0;
}
