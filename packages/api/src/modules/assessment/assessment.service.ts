import type { DataSource } from "typeorm";
import type { Principal } from "../../auth/principal.js";
import { cursor, type Page } from "../../common/connection.js";
import { SELECT_PUBLISHED_VERSION, type PublishedAssessment } from "./published-assessment.js";

const SELECT_PUBLISHED = `${SELECT_PUBLISHED_VERSION} AND v.id = a.current_version_id`;

/** The employee-facing reads of assessments: published, not archived, visible to the caller. */
export class AssessmentService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Published assessments in library order, optionally only those measuring one skill.
   * Keyset pagination on (position, slug); one query for the page and one for the total.
   */
  async list(
    principal: Principal,
    args: { first: number; after?: string | null; skillSlug?: string | null },
  ): Promise<Page<PublishedAssessment>> {
    const params: unknown[] = [];
    const filters = [visibleTo(principal, params)];
    if (args.skillSlug) {
      params.push(args.skillSlug);
      filters.push(`EXISTS (SELECT 1 FROM assessment_version_skill vs
                             JOIN skill s ON s.id = vs.skill_id
                            WHERE vs.version_id = v.id AND s.slug = $${params.length})`);
    }
    const countSql = `SELECT count(*)::int AS total FROM (${SELECT_PUBLISHED}${where(filters)}) t`;
    const countParams = [...params];
    if (args.after) {
      const after = cursor.decode(args.after);
      params.push(after.position, after.slug);
      filters.push(`(a.position, a.slug) > ($${params.length - 1}, $${params.length})`);
    }
    params.push(args.first + 1);
    const [rows, [count]] = await Promise.all([
      this.dataSource.query<PublishedAssessment[]>(
        `${SELECT_PUBLISHED}${where(filters)} ORDER BY a.position, a.slug LIMIT $${params.length}`,
        params,
      ),
      this.dataSource.query<{ total: number }[]>(countSql, countParams),
    ]);
    return {
      nodes: rows.slice(0, args.first),
      hasNextPage: rows.length > args.first,
      totalCount: count?.total ?? 0,
      cursorOf: (assessment) => cursor.encode(assessment.position, assessment.slug),
    };
  }

  async bySlug(principal: Principal, slug: string): Promise<PublishedAssessment | null> {
    const params: unknown[] = [slug];
    // Should the library later gain a slug an organisation already uses, its own one wins.
    const [row] = await this.dataSource.query<PublishedAssessment[]>(
      `${SELECT_PUBLISHED}${where([`a.slug = $1`, visibleTo(principal, params)])}
        ORDER BY a.organization_id IS NULL LIMIT 1`,
      params,
    );
    return row ?? null;
  }
}

/**
 * The one rule of who sees which assessment: everyone sees the built-in library; callers of an
 * organisation (API key or embed token) also see that organisation's own assessments. Archived
 * assessments are hidden from everyone. The organisation comes from the principal only.
 * Appends its parameter to `params` and returns the SQL condition on `a`.
 */
function visibleTo(principal: Principal, params: unknown[]): string {
  if (principal.kind === "ANONYMOUS") {
    return `a.organization_id IS NULL AND a.archived_at IS NULL`;
  }
  params.push(principal.organizationId);
  return `(a.organization_id IS NULL OR a.organization_id = $${params.length}) AND a.archived_at IS NULL`;
}

function where(filters: string[]): string {
  return filters.length > 0 ? ` WHERE ${filters.join(" AND ")}` : "";
}
