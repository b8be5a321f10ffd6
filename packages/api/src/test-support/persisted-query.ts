import { createHash } from "node:crypto";

export interface PersistedGetOptions {
  /** Sent along with the hash, which registers the document (the first GET of a client). */
  query?: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** A GET with Apollo's automatic-persisted-query extension, as a widget or CDN client sends it. */
export async function persistedGet(
  baseUrl: string,
  document: string,
  options: PersistedGetOptions = {},
): Promise<{ status: number; headers: Headers; text: string }> {
  const sha256Hash = createHash("sha256").update(document).digest("hex");
  const search = new URLSearchParams({
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }),
    variables: JSON.stringify(options.variables ?? {}),
  });
  if (options.query !== undefined) search.set("query", options.query);
  const response = await fetch(`${baseUrl}/graphql?${search.toString()}`, {
    headers: { "apollo-require-preflight": "true", ...options.headers },
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Registers the document (the first GET carries it), then reads it by hash alone. */
export async function persistedRead(
  baseUrl: string,
  document: string,
  options: PersistedGetOptions = {},
): Promise<{ status: number; headers: Headers; text: string }> {
  await persistedGet(baseUrl, document, { ...options, query: document });
  return persistedGet(baseUrl, document, options);
}
