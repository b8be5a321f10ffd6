/**
 * What one hostile request of the abuse corpus is, and who sends it. The corpus only describes
 * requests; `abuse-client.ts` sends them and `abuse-verdict.ts` judges the answers.
 */

/**
 * Whose credentials a request carries: none, an employee's or an HR analyst's embed token (with
 * the page's `Origin`), or the organisation's admin API key.
 */
export type Caller = "anonymous" | "employee" | "analyst" | "admin";

/** Every kind of caller, in the order in which `callersOf` looks for the one a field is for. */
export const CALLERS: readonly Caller[] = ["admin", "employee", "analyst", "anonymous"];

export type AbuseCategory =
  /** HTTP itself: bodies, encodings, content types, methods, headers, paths. */
  | "transport"
  /** Documents and variables: depth, aliases, fragments, directives, cost, types, operations. */
  | "graphql"
  /** Every root field called by every kind of caller. */
  | "callers"
  /** Hostile strings in every String and ID argument the schema has. */
  | "payloads"
  /** Hostile embed-token claims through a whole assessment: start, answers, submit. */
  | "claims";

export interface HostileRequest {
  category: AbuseCategory;
  /** Says what is hostile about it, unique within the corpus. */
  name: string;
  caller: Caller;
  /** `POST` unless given. */
  method?: string;
  /** Path and query string, `/graphql` unless given. */
  target?: string;
  /** Headers besides the caller's; one named here replaces the caller's. */
  headers?: Record<string, string>;
  /** The body; a function builds it when the request is sent, from ids earlier answers gave. */
  body?: string | Uint8Array | (() => string);
  /** Sent as bytes over a socket of its own: HTTP that `fetch` refuses to send. */
  raw?: Uint8Array;
  /**
   * A value that, if the request is accepted, the database must hold exactly as sent: the
   * argument stores what it is given (a harmless value sent there first was found stored).
   */
  stores?: string;
  /** Sees the parsed answer, so that later requests of a journey can use the ids it returned. */
  onAnswer?: (answer: GraphQLAnswer) => void;
}

export interface GraphQLError {
  extensions?: { code?: unknown; stacktrace?: unknown };
}

/** A GraphQL response body as sent, not yet trusted to have any particular shape. */
export interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: GraphQLError[];
}

/** A JSON POST body of one operation. */
export function operationBody(
  query: string,
  variables?: Record<string, unknown>,
  operationName?: string,
): string {
  return JSON.stringify({ query, variables, operationName });
}
