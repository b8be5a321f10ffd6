import { isUtf8 } from "node:buffer";
import { ERROR_CODES } from "@real-skills/shared";
import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import { sendHttpError } from "./http-errors.js";

/**
 * `verify` hook of `express.json`: refuses a body that is not valid UTF-8. Without it the bytes
 * would be decoded with replacement characters and reach GraphQL as a different query.
 */
export function rejectInvalidUtf8(_req: IncomingMessage, _res: unknown, body: Buffer): void {
  if (!isUtf8(body)) {
    throw Object.assign(new Error("The request body is not valid UTF-8."), {
      status: 400,
      type: "encoding.invalid",
    });
  }
}

/**
 * Deepest nesting of objects and lists in an operation's `variables`. The schema's deepest input
 * nests 7 (`{ input: { items: [{ options: [{ skillPoints: [{ points }] }] }] } }`), while a body
 * within the size limit can nest 50 000: measuring that with JSON.stringify, or any other
 * recursive walk, exhausts the stack (a 500).
 */
export const MAX_VARIABLES_DEPTH = 32;

/**
 * Refuses an operation whose `variables` nest deeper than {@link MAX_VARIABLES_DEPTH}, or exceed
 * `maxBytes` of JSON (a POST body's object, or a GET request's `variables` parameter). The body
 * limit alone would still let one operation carry nearly all of it as variables for the
 * resolvers to walk through.
 */
export function limitVariables(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    const variables: unknown =
      req.method === "GET"
        ? (req.query as Record<string, unknown>).variables
        : (req.body as { variables?: unknown } | undefined)?.variables;
    if (nestsDeeperThan(variables, MAX_VARIABLES_DEPTH)) {
      sendHttpError(
        res,
        400,
        ERROR_CODES.BAD_REQUEST,
        `The operation's variables nest deeper than ${MAX_VARIABLES_DEPTH} levels.`,
      );
      return;
    }
    if (variables !== undefined && variables !== null && sizeOf(variables) > maxBytes) {
      sendHttpError(
        res,
        413,
        ERROR_CODES.BAD_REQUEST,
        `The operation's variables are larger than ${maxBytes} bytes.`,
      );
      return;
    }
    next();
  };
}

function sizeOf(variables: unknown): number {
  return Buffer.byteLength(typeof variables === "string" ? variables : JSON.stringify(variables));
}

/** Walks `value` without recursion, so that no depth can exhaust the stack. */
function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== "object" || next.value === null) continue;
    if (next.depth >= maxDepth) return true;
    for (const child of Object.values(next.value)) {
      pending.push({ value: child, depth: next.depth + 1 });
    }
  }
  return false;
}
