import { GraphQLError } from "graphql";
import { formatError, isUnexpectedError } from "../errors.js";

/** The error as Apollo hands it to `formatError`: raised in a resolver, wrapping the original. */
function raised(original: Error) {
  const error = new GraphQLError(original.message, { originalError: original, path: ["skills"] });
  return { formatted: { message: error.message, path: ["skills"] }, error };
}

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

function named(message: string, name: string): Error {
  return Object.assign(new Error(message), { name });
}

describe("formatError", () => {
  it.each([
    [
      "the server refusing connections",
      withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"),
    ],
    [
      "a fast shutdown ending the session",
      withCode("terminating connection due to administrator command", "57P01"),
    ],
    ["a lost race", withCode("deadlock detected", "40P01")],
    [
      "a commit whose connection was ended",
      named(
        "Query runner already released. Cannot run queries anymore.",
        "QueryRunnerAlreadyReleasedError",
      ),
    ],
    [
      "a transaction whose connection was ended",
      named(
        "Database connection provided by a query runner was already released",
        "QueryRunnerProviderAlreadyReleasedError",
      ),
    ],
    [
      "a broken client",
      new Error("Client has encountered a connection error and is not queryable"),
    ],
    ["the pool closed", new Error("Cannot use a pool after calling end on the pool")],
    [
      "a cause further down",
      new Error("query failed", { cause: withCode("read ECONNRESET", "ECONNRESET") }),
    ],
  ])("reports %s as SERVICE_UNAVAILABLE, retriable, without internals", (_name, original) => {
    const { formatted, error } = raised(original);
    expect(isUnexpectedError(error)).toBe(false);
    expect(formatError(formatted, error)).toEqual({
      message: "The service is briefly unavailable. Please retry.",
      path: ["skills"],
      extensions: { code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 1 },
    });
  });

  it("reports anything else as INTERNAL_SERVER_ERROR, with nothing of the error", () => {
    const { formatted, error } = raised(new TypeError("Cannot read properties of undefined"));
    expect(isUnexpectedError(error)).toBe(true);
    expect(formatError(formatted, error)).toEqual({
      message: "Internal server error.",
      path: ["skills"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });
});
