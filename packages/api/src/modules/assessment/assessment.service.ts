import type { DataSource } from "typeorm";
import { cursor, type Page } from "../../common/connection.js";
import type { PublishedAssessment } from "./published-assessment.js";

const SELECT_PUBLISHED = `
  SELECT a.id, a.slug, a.kind, a.position, v.id AS "versionId", v.version,
         v.published_at AS "publishedAt", v.estimated_minutes AS "estimatedMinutes",
         v.title, v.description
    FROM assessment a
    JOIN assessment_version v ON v.id = a.current_version_id`;

export class AssessmentService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Published assessments in library order, optionally only those measuring one skill.
   * Keyset pagination on (position, slug); one query for the page and one for the total.
   */
  async list(args: {
    first: number;
    after?: string | null;
    skillSlug?: string | null;
  }): Promise<Page<PublishedAssessment>> {
    const params: unknown[] = [];
    const filters: string[] = [];
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

  async bySlug(slug: string): Promise<PublishedAssessment | null> {
    const [row] = await this.dataSource.query<PublishedAssessment[]>(
      `${SELECT_PUBLISHED} WHERE a.slug = $1`,
      [slug],
    );
    return row ?? null;
  }
}

function where(filters: string[]): string {
  return filters.length > 0 ? ` WHERE ${filters.join(" AND ")}` : "";
}
