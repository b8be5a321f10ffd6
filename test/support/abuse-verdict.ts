import { ERROR_CODES, isErrorCode } from "@real-skills/shared";
import type { Answer } from "./abuse-client.js";
import type { GraphQLAnswer, HostileRequest } from "./abuse-request.js";

/** What an answer says about the API, judged without knowing what the request was meant to do. */
export interface Verdict {
  /** Everything wrong with the answer; empty when it is fine. */
  problems: string[];
  /** Refused as a whole (HTTP 400 or more), or its root fields came back empty with errors. */
  rejected: boolean;
  /** `extensions.code` of each error, in order. */
  codes: string[];
  /** The parsed body, when it was JSON. */
  body?: GraphQLAnswer;
}

/** Text an answer must never hold: how the server is built, or what its database said. */
const LEAKS: readonly [RegExp, string][] = [
  [/stacktrace/i, "a stack trace"],
  [/\n\s+at |\bat (?:Object\.|async |new )|\bat \S+ \(\S+:\d+:\d+\)/, "a stack frame"],
  [/node_modules/, "a dependency's path"],
  [/\/work\/|file:\/\//, "a file path"],
  [/\.(?:ts|js|mjs|cjs):/, "a source location"],
  [
    /QueryFailedError|syntax error at or near|invalid byte sequence|invalid input syntax|violates \S+ constraint|relation "[^"]*" does not exist/i,
    "a database error",
  ],
];

/**
 * Judges one answer by the abuse case's rules: an answer came within the time limit, its status
 * is below 500, it is the API's JSON error shape (`{ errors: [{ message, extensions: { code } }] }`
 * with listed codes, never INTERNAL_SERVER_ERROR), and it leaks nothing about the server.
 *
 * Answers without a body are allowed only where HTTP has none (HEAD, a CORS preflight).
 */
export function judge(request: HostileRequest, answer: Answer): Verdict {
  if (answer.failure !== undefined) {
    return {
      problems: [`no answer: ${answer.failure} after ${answer.ms} ms`],
      rejected: true,
      codes: [],
    };
  }
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  for (const [pattern, what] of LEAKS) {
    if (pattern.test(answer.text))
      problems.push(`the body holds ${what}: ${excerpt(answer.text, pattern)}`);
  }
  if (bodyless(request, answer)) {
    return { problems, rejected: answer.status >= 400, codes: [] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.text);
  } catch {
    problems.push(
      `HTTP ${answer.status} with a body that is not JSON: ${answer.text.slice(0, 120)}`,
    );
    return { problems, rejected: answer.status >= 400, codes: [] };
  }
  if (!isGraphQLAnswer(parsed)) {
    problems.push(`a JSON body that is not a GraphQL response: ${answer.text.slice(0, 120)}`);
    return { problems, rejected: answer.status >= 400, codes: [] };
  }
  const body = parsed;
  const errors = Array.isArray(body.errors) ? body.errors : [];
  const codes = errors.map((error) => String(error.extensions?.code));
  for (const error of errors) {
    const code = error.extensions?.code;
    if (!isErrorCode(code))
      problems.push(`an error without a listed code: ${JSON.stringify(error)}`);
    if (code === ERROR_CODES.INTERNAL_SERVER_ERROR)
      problems.push(`INTERNAL_SERVER_ERROR: ${JSON.stringify(error)}`);
    if (error.extensions?.stacktrace !== undefined) problems.push("an error with a stack trace");
  }
  if (answer.status >= 400 && errors.length === 0)
    problems.push(`HTTP ${answer.status} without errors`);
  const fields = body.data ? Object.values(body.data) : [];
  const rejected =
    answer.status >= 400 || (errors.length > 0 && fields.every((value) => value === null));
  return { problems, rejected, codes, body };
}

function isGraphQLAnswer(value: unknown): value is GraphQLAnswer {
  return typeof value === "object" && value !== null && ("data" in value || "errors" in value);
}

function bodyless(request: HostileRequest, answer: Answer): boolean {
  const method = request.method ?? "POST";
  return (
    answer.text === "" && (method === "HEAD" || (method === "OPTIONS" && answer.status === 204))
  );
}

function excerpt(text: string, pattern: RegExp): string {
  const at = text.search(pattern);
  return JSON.stringify(text.slice(Math.max(0, at - 40), at + 80));
}
