import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, OperationTypeNode, type OperationDefinitionNode } from "graphql";
import type { Principal } from "../auth/principal.js";

/**
 * The root fields whose whole answer is published content: it depends on the caller's
 * organisation (which assessments it sees) and the locale, never on who the caller is, and no
 * field below them leads to anything personal. Only operations made of these are cacheable.
 */
const PUBLIC_CONTENT_FIELDS = new Set([
  "__typename",
  "skills",
  "skill",
  "lesson",
  "assessments",
  "assessment",
]);

/**
 * Sets `Cache-Control` on every GraphQL response. A GET (persisted queries over GET) of public
 * content without errors may be kept for `maxAgeSeconds`: by anyone when it was asked without
 * credentials, else by the caller's own browser only (`private`: it is one organisation's view).
 * Everything else — mutations, POSTs, anything personal — is `no-store`. The response cache
 * stores exactly what this marks as cacheable.
 */
export function cachePolicyPlugin<TContext extends { principal: Principal }>(
  maxAgeSeconds: number,
): ApolloServerPlugin<TContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ request, response, operation, contextValue }) {
          const result = response.body.kind === "single" ? response.body.singleResult : undefined;
          const cacheable =
            maxAgeSeconds > 0 &&
            request.http?.method === "GET" &&
            result !== undefined &&
            result.errors === undefined &&
            operation !== undefined &&
            isQueryOf(operation, PUBLIC_CONTENT_FIELDS);
          const scope = contextValue.principal.kind === "ANONYMOUS" ? "public" : "private";
          response.http.headers.set(
            "cache-control",
            cacheable ? `${scope}, max-age=${maxAgeSeconds}` : "no-store",
          );
          return Promise.resolve();
        },
      });
    },
  };
}

/** Whether `operation` is a query of only these root fields (no fragments at the root). */
export function isQueryOf(
  operation: OperationDefinitionNode,
  rootFields: ReadonlySet<string>,
): boolean {
  return (
    operation.operation === OperationTypeNode.QUERY &&
    operation.selectionSet.selections.every(
      (selection) => selection.kind === Kind.FIELD && rootFields.has(selection.name.value),
    )
  );
}

/** Whether a response's `Cache-Control` (as set above) lets it be stored. */
export function isStorable(cacheControl: string | undefined): boolean {
  return cacheControl !== undefined && /\bmax-age=\d*[1-9]/.test(cacheControl);
}
