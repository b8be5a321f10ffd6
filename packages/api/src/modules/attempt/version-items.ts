import type { ScoringItem, SkillWeights } from "@real-skills/shared";
import type { DataSource, EntityManager } from "typeorm";

/** What answering and scoring need of one published version: keys and weights, no texts. */
export interface VersionItems {
  /** In item order. */
  items: readonly ScoringItem[];
  byId: ReadonlyMap<string, ScoringItem>;
  /** Items that must be answered before a submit, in item order: every kind but REFLECTION. */
  requiredIds: readonly string[];
}

interface ItemRow {
  id: string;
  kind: ScoringItem["kind"];
  reverseKeyed: boolean;
  skill: string | null;
  options: { id: string; weights: SkillWeights }[];
}

// Enough for every version in use at once; a version that falls out is simply read again.
const MAX_CACHED_VERSIONS = 500;

/**
 * Process-wide cache of published versions' scoring items. Safe without invalidation: attempts
 * are only ever pinned to published versions, and the database refuses any change to those.
 */
export class VersionItemsCache {
  private readonly versions = new Map<string, Promise<VersionItems>>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * The version's items. Inside a transaction pass its manager: a version not cached yet is
   * then read on the transaction's own connection, never waiting on a second one.
   */
  get(versionId: string, via: DataSource | EntityManager = this.dataSource): Promise<VersionItems> {
    let entry = this.versions.get(versionId);
    if (entry === undefined) {
      entry = this.load(versionId, via);
      // A failed read (the database away) must not stay cached.
      entry.catch(() => this.versions.delete(versionId));
      this.versions.set(versionId, entry);
      if (this.versions.size > MAX_CACHED_VERSIONS) {
        const oldest = this.versions.keys().next().value;
        if (oldest !== undefined) this.versions.delete(oldest);
      }
    }
    return entry;
  }

  private async load(versionId: string, via: DataSource | EntityManager): Promise<VersionItems> {
    const rows = await via.query<ItemRow[]>(
      `SELECT i.id, i.kind, i.reverse_keyed AS "reverseKeyed", s.slug AS skill,
              COALESCE(json_agg(json_build_object('id', o.id, 'weights', o.weights)
                                ORDER BY o.position) FILTER (WHERE o.id IS NOT NULL),
                       '[]') AS options
         FROM item i
         LEFT JOIN skill s ON s.id = i.skill_id
         LEFT JOIN item_option o ON o.item_id = i.id
        WHERE i.version_id = $1
        GROUP BY i.id, s.slug
        ORDER BY i.position`,
      [versionId],
    );
    const items = rows.map(toScoringItem);
    return {
      items,
      byId: new Map(items.map((item) => [item.id, item])),
      requiredIds: items.filter((item) => item.kind !== "REFLECTION").map((item) => item.id),
    };
  }
}

function toScoringItem(row: ItemRow): ScoringItem {
  switch (row.kind) {
    case "LIKERT":
      // The schema guarantees a skill on every LIKERT item (CHECK constraint).
      return {
        id: row.id,
        kind: row.kind,
        skill: row.skill as Extract<ScoringItem, { kind: "LIKERT" }>["skill"],
        reverseKeyed: row.reverseKeyed,
      };
    case "SITUATIONAL":
    case "FORCED_CHOICE":
      return { id: row.id, kind: row.kind, options: row.options };
    case "REFLECTION":
      return { id: row.id, kind: row.kind };
  }
}
