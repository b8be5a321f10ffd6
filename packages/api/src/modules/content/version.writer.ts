import { createHash } from "node:crypto";
import type { EntityManager } from "typeorm";
import { measuredSkills } from "./content.rules.js";
import type { VersionContent } from "./content.schema.js";

/**
 * Writes assessment versions: a draft with its items, options and measured skills, and the
 * publish step that freezes it. The library importer and the admin API both write through here,
 * so a version means the same whichever way it was made. Callers own the transaction.
 */

/** SHA-256 of what a version freezes; the same content always hashes the same. */
export function contentHash(content: VersionContent): string {
  const { title, description, estimatedMinutes, items } = content;
  return createHash("sha256")
    .update(stableJson({ title, description, estimatedMinutes, items }))
    .digest("hex");
}

/** Inserts version `version` of an assessment as a DRAFT with all its content; returns its id. */
export async function insertDraftVersion(
  manager: EntityManager,
  assessmentId: string,
  version: number,
  content: VersionContent,
): Promise<string> {
  const [row]: { id: string }[] = await manager.query(
    `INSERT INTO assessment_version
       (assessment_id, version, status, content_hash, title, description, estimated_minutes)
     VALUES ($1, $2, 'DRAFT', $3, $4, $5, $6) RETURNING id`,
    [
      assessmentId,
      version,
      contentHash(content),
      content.title,
      content.description,
      content.estimatedMinutes,
    ],
  );
  const versionId = (row as { id: string }).id;
  await insertItems(manager, versionId, content);
  return versionId;
}

/**
 * Replaces everything in a DRAFT version. The database refuses this for a published version
 * (the frozen-version trigger), so a caller that picked the wrong version fails loudly.
 */
export async function replaceDraftContent(
  manager: EntityManager,
  versionId: string,
  content: VersionContent,
): Promise<void> {
  await manager.query(
    `UPDATE assessment_version
        SET content_hash = $2, title = $3, description = $4, estimated_minutes = $5
      WHERE id = $1 AND status = 'DRAFT'`,
    [versionId, contentHash(content), content.title, content.description, content.estimatedMinutes],
  );
  // Options go with their items (ON DELETE CASCADE).
  await manager.query(`DELETE FROM item WHERE version_id = $1`, [versionId]);
  await manager.query(`DELETE FROM assessment_version_skill WHERE version_id = $1`, [versionId]);
  await insertItems(manager, versionId, content);
}

/** Freezes a draft version and makes it the one new attempts use. */
export async function publishVersion(
  manager: EntityManager,
  assessmentId: string,
  versionId: string,
): Promise<void> {
  await manager.query(
    `UPDATE assessment_version SET status = 'PUBLISHED', published_at = now() WHERE id = $1`,
    [versionId],
  );
  await manager.query(
    `UPDATE assessment SET current_version_id = $2, updated_at = now() WHERE id = $1`,
    [assessmentId, versionId],
  );
}

async function insertItems(
  manager: EntityManager,
  versionId: string,
  content: VersionContent,
): Promise<void> {
  const items = content.items.map((item, index) => ({
    key: item.key,
    position: index + 1,
    kind: item.kind,
    skill: item.kind === "LIKERT" ? item.skill : null,
    reverse_keyed: item.kind === "LIKERT" ? item.reverseKeyed : false,
    prompt: item.prompt,
  }));
  await manager.query(
    `INSERT INTO item (version_id, key, position, kind, skill_id, reverse_keyed, prompt)
     SELECT $1, i.key, i.position, i.kind, s.id, i.reverse_keyed, i.prompt
       FROM jsonb_to_recordset($2::jsonb)
            AS i(key text, position int, kind text, skill text, reverse_keyed boolean, prompt jsonb)
       LEFT JOIN skill s ON s.slug = i.skill`,
    [versionId, JSON.stringify(items)],
  );

  const options = content.items.flatMap((item) =>
    item.kind === "SITUATIONAL" || item.kind === "FORCED_CHOICE"
      ? item.options.map((option, index) => ({
          item_key: item.key,
          key: option.key,
          position: index + 1,
          label: option.label,
          weights: option.weights,
        }))
      : [],
  );
  await manager.query(
    `INSERT INTO item_option (item_id, key, position, label, weights)
     SELECT it.id, o.key, o.position, o.label, o.weights
       FROM jsonb_to_recordset($2::jsonb)
            AS o(item_key text, key text, position int, label jsonb, weights jsonb)
       JOIN item it ON it.version_id = $1 AND it.key = o.item_key`,
    [versionId, JSON.stringify(options)],
  );

  const skills = [...new Set(content.items.flatMap(measuredSkills))];
  await manager.query(
    `INSERT INTO assessment_version_skill (version_id, skill_id)
     SELECT $1, s.id FROM skill s WHERE s.slug = ANY($2)`,
    [versionId, skills],
  );
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
