import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import type { FormattedExecutionResult } from "graphql";
import { Kind, OperationTypeNode, type OperationDefinitionNode } from "graphql";
import { LRUCache } from "lru-cache";
import type { DataSource } from "typeorm";
import type { Principal } from "../auth/principal.js";
import type { Change } from "./change-notices.js";

/** The root fields whose results are kept: HR's reports, one organisation's aggregates. */
const REPORT_FIELDS = new Set(["__typename", "teamReport", "teamReportCsv"]);

const KEPT = { max: 200, ttlMs: 5 * 60_000 };

interface ReportContext {
  principal: Principal;
  locale: string;
}

/**
 * Keeps whole results of report operations, so that a report read again is not executed again:
 * a report of a hundred departments is some ten thousand fields, whose execution costs far more
 * than the sums behind them (which `TeamReportService` keeps too). A result depends on the
 * organisation (never on the person: every analyst of it sees the same), the document, its
 * variables and locale, the caller's kind and role (a role the report refuses gets an error,
 * never kept, so it never reads another role's result), the running month (the default range
 * follows it), `minGroupSize`, and the organisation's report revision (ADR 0012, Addendum), all
 * in the key; the revision and the size
 * are read once per request. Results with errors are never kept. An organisation's publish or
 * archive drops its results (a slug may then name another assessment).
 */
export function keptReportsPlugin<TContext extends ReportContext>(
  dataSource: DataSource,
  now: () => Date,
): ApolloServerPlugin<TContext> & { forget(change: Change | "everything"): void } {
  const kept = new LRUCache<string, FormattedExecutionResult>({ max: KEPT.max, ttl: KEPT.ttlMs });
  const keys = new WeakMap<object, string>();
  return {
    forget(change) {
      if (change !== "everything" && change.kind !== "content") return;
      for (const key of [...kept.keys()]) {
        if (change === "everything" || key.startsWith(`${change.organizationId}\n`)) {
          kept.delete(key);
        }
      }
    },
    requestDidStart() {
      return Promise.resolve({
        async responseForOperation(requestContext: GraphQLRequestContext<TContext>) {
          const { operation, contextValue, request, queryHash } = requestContext;
          const { principal } = contextValue;
          if (principal.kind === "ANONYMOUS" || !operation || !isReportOperation(operation)) {
            return null;
          }
          const [organization] = await dataSource.query<
            { revision: string; minGroupSize: number }[]
          >(
            `SELECT report_revision AS revision, min_group_size AS "minGroupSize"
               FROM organization WHERE id = $1`,
            [principal.organizationId],
          );
          if (!organization) return null;
          const month = now().toISOString().slice(0, 7);
          const key = [
            principal.organizationId,
            `${principal.kind}:${principal.role}`,
            organization.revision,
            organization.minGroupSize,
            month,
            contextValue.locale,
            queryHash,
            request.operationName ?? "",
            JSON.stringify(request.variables ?? {}),
          ].join("\n");
          keys.set(contextValue, key);
          const result = kept.get(key);
          return result === undefined
            ? null
            : {
                http: requestContext.response.http,
                body: { kind: "single", singleResult: result },
              };
        },
        willSendResponse({ contextValue, response }) {
          const key = keys.get(contextValue);
          if (key === undefined || response.body.kind !== "single") return Promise.resolve();
          const result = response.body.singleResult;
          if (result.errors === undefined && !kept.has(key)) kept.set(key, result);
          return Promise.resolve();
        },
      });
    },
  };
}

function isReportOperation(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === OperationTypeNode.QUERY &&
    operation.selectionSet.selections.every(
      (selection) => selection.kind === Kind.FIELD && REPORT_FIELDS.has(selection.name.value),
    )
  );
}
