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
 * Refuses an operation whose `variables` exceed `maxBytes` of JSON (a POST body's object, or a
 * GET request's `variables` parameter). The body limit alone would still let one operation carry
 * nearly all of it as variables for the resolvers to walk through.
 */
export function limitVariables(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    const variables: unknown =
      req.method === "GET"
        ? (req.query as Record<string, unknown>).variables
        : (req.body as { variables?: unknown } | undefined)?.variables;
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
