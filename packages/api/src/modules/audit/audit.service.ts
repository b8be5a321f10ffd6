import type { DataSource } from "typeorm";
import type { Page } from "../../common/connection.js";
import type { AuditEntry } from "./audit-entry.entity.js";
import { timeCursor } from "../../common/time-cursor.js";

/** An entry with its exact time, in microseconds since the epoch, for its cursor. */
export type AuditRow = AuditEntry & { micros: string };

/** Reads an organisation's audit log. Entries are written by `recordAudit`, inside each change. */
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** The organisation's entries, newest first; keyset pagination on (created_at, id). */
  async list(
    organizationId: string,
    args: { first: number; after?: string | null },
  ): Promise<Page<AuditRow>> {
    const after = args.after ? timeCursor.decode(args.after) : null;
    const params: unknown[] = [organizationId, args.first + 1];
    let keyset = "";
    if (after) {
      params.push(after.micros, after.id);
      keyset = `AND (created_at, id) < (timestamptz 'epoch' + $3::bigint * interval '1 microsecond', $4::uuid)`;
    }
    const [rows, [count]] = await Promise.all([
      this.dataSource.query<AuditRow[]>(
        `SELECT id, organization_id AS "organizationId", actor_kind AS "actorKind",
                actor_id AS "actorId", action, target_type AS "targetType",
                target_id AS "targetId", details, created_at AS "createdAt",
                ((extract(epoch FROM created_at) * 1000000)::bigint)::text AS micros
           FROM audit_log
          WHERE organization_id = $1 ${keyset}
          ORDER BY created_at DESC, id DESC
          LIMIT $2`,
        params,
      ),
      this.dataSource.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM audit_log WHERE organization_id = $1`,
        [organizationId],
      ),
    ]);
    return {
      nodes: rows.slice(0, args.first),
      hasNextPage: rows.length > args.first,
      totalCount: count?.total ?? 0,
      cursorOf: (entry) => timeCursor.encode({ micros: entry.micros, id: entry.id }),
    };
  }
}
