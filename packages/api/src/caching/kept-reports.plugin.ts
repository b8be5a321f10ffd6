import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import type { FormattedExecutionResult } from "graphql";
import { LRUCache } from "lru-cache";
import type { DataSource } from "typeorm";
import type { Principal } from "../auth/principal.js";
import { isQueryOf } from "./cache-policy.plugin.js";
import type { Change } from "./change-notices.js";

/** The root fields whose results are kept: HR's reports, one organisation's aggregates. */
const REPORT_FIELDS = new Set(["__typename", "teamReport", "teamReportCsv"]);

// The time-to-live covers one race the revision cannot: a submit that began before midnight UTC
// at a month's end and commits after a report of that month was kept.
const KEPT = { max: 200, ttlMs: 5 * 60_000 };

interface ReportContext {
  principal: Principal;
  locale: string;
}

/**
 * Keeps whole results of report operations, so that a report read again is neither summed nor
 * executed again: a report of a hundred departments is some ten thousand fields, whose
 * execution costs more than the sums behind them. A result depends on the
 * organisation (never on the person: every analyst of it sees the same), the document, its
 * variables and locale, the caller's kind and role (a role the report refuses gets an error,
 * never kept, so it never reads another role's result), the running month (the default range
 * follows it), `minGroupSize`, and the organisation's report revision (ADR 0012, Addendum), all
 * in the key; the revision and the size
 * are read once per request. Results with errors are never kept. An organisation's publish or
 * archive drops its results (a slug may then name another assessment).
 *
 * A new revision, size or month makes every result kept under the old ones unreachable: no key
 * names them again. They are dropped when the new one is first seen, not left to the
 * time-to-live, which the cache checks only when a key is read: under steady use (a report
 * read again after every change to an ended month) the cache otherwise filled with stale
 * reports up to its `max`, some hundreds of kilobytes each (the soak, docs/performance.md).
 *
 * Serialising a large report costs as much again as the rest of answering it from memory, so a
 * kept result is serialised once: pass `stringifyResult` to Apollo.
 */
export function keptReportsPlugin<TContext extends ReportContext>(
  dataSource: DataSource,
  now: () => Date,
): ApolloServerPlugin<TContext> & {
  forget(change: Change | "everything"): void;
  stringifyResult(result: FormattedExecutionResult): string;
  /** How many results are kept now. */
  readonly size: number;
} {
  const kept = new LRUCache<string, FormattedExecutionResult>({ max: KEPT.max, ttl: KEPT.ttlMs });
  // Per organisation, the revision, size and month its results were last keyed under.
  const generations = new Map<string, string>();
  const keys = new WeakMap<object, string>();
  // By the `data` of a kept result: Apollo hands `stringifyResult` a new wrapper every time.
  const serialized = new WeakMap<object, string | null>();
  /** Drops the organisation's results kept under any generation but `current`. */
  const dropOtherGenerations = (organizationId: string, current: string) => {
    const prefix = `${organizationId}\n`;
    for (const key of [...kept.keys()]) {
      if (key.startsWith(prefix) && !key.startsWith(`${prefix}${current}\n`)) kept.delete(key);
    }
  };
  return {
    stringifyResult(result) {
      const { data } = result;
      const entry = data && result.errors === undefined ? serialized.get(data) : undefined;
      if (entry === undefined || result.extensions !== undefined) return stringify(result);
      if (entry !== null) return entry;
      const text = stringify(result);
      serialized.set(data as object, text);
      return text;
    },
    forget(change) {
      if (change !== "everything" && change.kind !== "content") return;
      for (const key of [...kept.keys()]) {
        if (change === "everything" || key.startsWith(`${change.organizationId}\n`)) {
          kept.delete(key);
        }
      }
    },
    get size() {
      return kept.size;
    },
    requestDidStart() {
      return Promise.resolve({
        async responseForOperation(requestContext: GraphQLRequestContext<TContext>) {
          const { operation, contextValue, request, queryHash } = requestContext;
          const { principal } = contextValue;
          if (
            principal.kind === "ANONYMOUS" ||
            !operation ||
            !isQueryOf(operation, REPORT_FIELDS)
          ) {
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
          const { organizationId } = principal;
          const generation = [
            organization.revision,
            organization.minGroupSize,
            now().toISOString().slice(0, 7),
          ].join("\n");
          if (generations.get(organizationId) !== generation) {
            generations.set(organizationId, generation);
            dropOtherGenerations(organizationId, generation);
          }
          const key = [
            organizationId,
            generation,
            `${principal.kind}:${principal.role}`,
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
          if (result.errors === undefined && result.data && !kept.has(key)) {
            kept.set(key, result);
            serialized.set(result.data, null);
          }
          return Promise.resolve();
        },
      });
    },
  };
}

/** Apollo's own serialisation of a response. */
function stringify(result: FormattedExecutionResult): string {
  return `${JSON.stringify(result)}\n`;
}
