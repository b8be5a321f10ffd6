import { randomUUID } from "node:crypto";
import { RETRIABLE_ERROR_CODES, type ErrorCode } from "@real-skills/shared";
import { mintEmbedToken, type EmbedKey } from "./embed-token.js";
import { agreeAndPickFirst } from "./employees.js";

/**
 * Clients that behave as a careful widget does under faults: every request is sent again after a
 * network error, a 5xx or a retriable GraphQL code, with the same input (a submit keeps its
 * idempotency key), until it gets an answer that is not retriable. Everything is counted.
 */

/** What one run of retrying requests saw. */
export interface RequestTally {
  /** Requests answered (the last try of each). */
  answered: number;
  /** Tries that got no HTTP answer: refused, reset, or no answer within the time limit. */
  networkErrors: number;
  /** Tries with no answer after {@link REQUEST_TIMEOUT_MS}: a hang. */
  timeouts: number;
  /** Tries answered with an HTTP status of 500 or more, by status. */
  serverErrors: Record<number, number>;
  /** GraphQL error codes of retried tries, by code. */
  retriedCodes: Partial<Record<ErrorCode, number>>;
  /** Tries answered 429 and retried after `Retry-After`. */
  rateLimited: number;
}

export function newTally(): RequestTally {
  return {
    answered: 0,
    networkErrors: 0,
    timeouts: 0,
    serverErrors: {},
    retriedCodes: {},
    rateLimited: 0,
  };
}

/** A try without an answer after this long counts as a hang and is abandoned. */
export const REQUEST_TIMEOUT_MS = 30_000;

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: ErrorCode } }[];
}

export interface RetryOptions {
  /** Gives up (throws) after this long without a non-retriable answer. */
  deadlineMs?: number;
  headers?: Record<string, string>;
}

/**
 * POSTs one operation until it is answered with something that is not retriable, and returns that
 * answer's body (with its GraphQL errors, if any, for the caller to judge).
 */
export async function postUntilAnswered<T>(
  url: string,
  tally: RequestTally,
  query: string,
  variables: Record<string, unknown>,
  { deadlineMs = 120_000, headers = {} }: RetryOptions = {},
): Promise<GraphQLBody<T>> {
  const deadline = Date.now() + deadlineMs;
  for (let attempt = 0; ; attempt += 1) {
    if (Date.now() > deadline) throw new Error(`No answer to a request within ${deadlineMs} ms`);
    let waitMs = Math.min(2_000, 50 * 2 ** attempt) * (0.5 + Math.random());
    try {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      if (response.status === 429) {
        tally.rateLimited += 1;
        waitMs = Number(response.headers.get("retry-after") ?? "1") * 1000;
      } else if (response.status >= 500 && !isRetriable(text)) {
        tally.serverErrors[response.status] = (tally.serverErrors[response.status] ?? 0) + 1;
      } else {
        const body = JSON.parse(text) as GraphQLBody<T>;
        const retriable = body.errors?.find((error) =>
          RETRIABLE_ERROR_CODES.includes(error.extensions?.code as ErrorCode),
        );
        if (!retriable) {
          tally.answered += 1;
          return body;
        }
        const code = retriable.extensions?.code as ErrorCode;
        tally.retriedCodes[code] = (tally.retriedCodes[code] ?? 0) + 1;
      }
    } catch (error) {
      tally.networkErrors += 1;
      // Duck-typed: fetch's errors come from Node's realm, where the test's `Error` is not.
      if ((error as { name?: string }).name === "TimeoutError") tally.timeouts += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
}

/** A 503 with a retriable GraphQL code is the API saying "not now", not a failure. */
function isRetriable(text: string): boolean {
  try {
    const body = JSON.parse(text) as GraphQLBody<unknown>;
    return (
      body.errors?.every((error) =>
        RETRIABLE_ERROR_CODES.includes(error.extensions?.code as ErrorCode),
      ) ?? false
    );
  } catch {
    return false;
  }
}

/** One acknowledged submission: the API answered `submitAttempt` with a result. */
export interface Acknowledged {
  subject: string;
  attemptId: string;
  idempotencyKey: string;
  scores: { skill: { slug: string }; score: number }[];
}

export interface EmployeesRun {
  /** In the order the API acknowledged them. */
  acknowledged: Acknowledged[];
  tally: RequestTally;
  /** Errors that were not retriable: each a defect. */
  failures: string[];
}

export interface EmployeesOptions {
  /** Where requests go; read before every try, so a test may point it elsewhere. */
  url: () => string;
  origin: string;
  embedKey: EmbedKey;
  slug: string;
  employees: number;
  /** Employees taking the assessment at the same time. */
  concurrency: number;
  /** Subjects are `<prefix>-<n>`. */
  subjectPrefix?: string;
  onAcknowledged?: (submission: Acknowledged, run: EmployeesRun) => void;
}

interface StartedItem {
  id: string;
  kind: string;
  options: { id: string }[];
}

/**
 * Takes `employees` employees through the assessment (start, save each answer, submit) as the
 * widget does, retrying every step; resolves when every employee's submission is acknowledged.
 */
export async function runEmployees(options: EmployeesOptions): Promise<EmployeesRun> {
  const run: EmployeesRun = { acknowledged: [], tally: newTally(), failures: [] };
  let next = 0;
  const lane = async () => {
    // After a failure the run is lost anyway: it ends rather than wait out every employee left.
    while (next < options.employees && run.failures.length === 0) {
      const index = next++;
      try {
        const submission = await takeWithRetries(options, run.tally, index);
        run.acknowledged.push(submission);
        options.onAcknowledged?.(submission, run);
      } catch (error) {
        run.failures.push(error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, lane));
  return run;
}

async function takeWithRetries(
  options: EmployeesOptions,
  tally: RequestTally,
  index: number,
): Promise<Acknowledged> {
  const subject = `${options.subjectPrefix ?? "employee"}-${index}`;
  const token = await mintEmbedToken(options.embedKey, {
    sub: subject,
    team: `Team ${index % 20}`,
    department: `Department ${index % 4}`,
  });
  const headers = { authorization: `Bearer ${token}`, origin: options.origin };
  const call = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const body = await postUntilAnswered<T>(options.url(), tally, query, variables, { headers });
    if (body.errors || !body.data) {
      throw new Error(`${subject}: ${JSON.stringify(body.errors)}`);
    }
    return body.data;
  };
  // A start sent twice resumes the same attempt; a save carries its sequence; a submit its key.
  const { startAttempt } = await call<{
    startAttempt: { id: string; assessment: { items: StartedItem[] } };
  }>(
    `mutation($slug: String!) {
      startAttempt(input: { assessmentSlug: $slug }) { id assessment { items { id kind options { id } } } }
    }`,
    { slug: options.slug },
  );
  for (const item of startAttempt.assessment.items) {
    await call(`mutation($input: SaveAnswerInput!) { saveAnswer(input: $input) { id } }`, {
      input: {
        attemptId: startAttempt.id,
        itemId: item.id,
        sequence: 1,
        ...agreeAndPickFirst(item),
      },
    });
  }
  const idempotencyKey = randomUUID();
  const { submitAttempt } = await call<{ submitAttempt: { scores: Acknowledged["scores"] } }>(
    `mutation($input: SubmitAttemptInput!) {
      submitAttempt(input: $input) { scores { skill { slug } score } }
    }`,
    { input: { attemptId: startAttempt.id, idempotencyKey } },
  );
  return { subject, attemptId: startAttempt.id, idempotencyKey, scores: submitAttempt.scores };
}
