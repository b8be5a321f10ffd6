import { createHash } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import type { AssessmentFile, SkillFile } from "./content.schema.js";
import { measuredSkills, type Library } from "./content.reader.js";

export interface ImportReport {
  skills: Counts;
  lessons: Counts & { removed: number };
  assessments: { created: number; newVersions: number; unchanged: number };
}

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

/** Serialises concurrent imports (several instances starting at once). */
const IMPORT_LOCK_KEY = 7_264_531;

/**
 * Brings the database in line with the library files, in one transaction. Idempotent: unchanged
 * content writes nothing. A changed assessment becomes a new published version; earlier
 * versions stay as they were, because attempts are pinned to them.
 */
export async function importLibrary(
  dataSource: DataSource,
  library: Library,
): Promise<ImportReport> {
  return dataSource.transaction(async (manager) => {
    await manager.query("SELECT pg_advisory_xact_lock($1)", [IMPORT_LOCK_KEY]);
    const skills = await upsertSkills(manager, library.skills);
    const lessons = await upsertLessons(manager, library.skills);
    const assessments: ImportReport["assessments"] = { created: 0, newVersions: 0, unchanged: 0 };
    for (const assessment of library.assessments) {
      assessments[await importAssessment(manager, assessment)] += 1;
    }
    return { skills, lessons, assessments };
  });
}

interface Upserted {
  inserted: boolean;
}

async function upsertSkills(manager: EntityManager, skills: SkillFile[]): Promise<Counts> {
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  for (const skill of skills) {
    // The WHERE clause skips identical rows, so re-importing leaves updated_at untouched.
    const rows: Upserted[] = await manager.query(
      `INSERT INTO skill (slug, position, name, summary) VALUES ($1, $2, $3, $4)
       ON CONFLICT (slug) DO UPDATE
         SET position = EXCLUDED.position, name = EXCLUDED.name, summary = EXCLUDED.summary,
             updated_at = now()
         WHERE (skill.position, skill.name, skill.summary)
           IS DISTINCT FROM (EXCLUDED.position, EXCLUDED.name, EXCLUDED.summary)
       RETURNING (xmax = 0) AS inserted`,
      [skill.slug, skill.position, skill.name, skill.summary],
    );
    tally(counts, rows);
  }
  return counts;
}

async function upsertLessons(
  manager: EntityManager,
  skills: SkillFile[],
): Promise<ImportReport["lessons"]> {
  const counts = { created: 0, updated: 0, unchanged: 0, removed: 0 };
  for (const skill of skills) {
    for (const [index, lesson] of skill.lessons.entries()) {
      const rows: Upserted[] = await manager.query(
        `INSERT INTO lesson (slug, skill_id, position, minutes, title, key_idea, why_it_matters,
                             practice, reflection_question)
         SELECT $1, s.id, $3::int, $4::int, $5::jsonb, $6::jsonb, $7::jsonb, $8::jsonb, $9::jsonb
           FROM skill s WHERE s.slug = $2
         ON CONFLICT (slug) DO UPDATE
           SET skill_id = EXCLUDED.skill_id, position = EXCLUDED.position,
               minutes = EXCLUDED.minutes, title = EXCLUDED.title, key_idea = EXCLUDED.key_idea,
               why_it_matters = EXCLUDED.why_it_matters, practice = EXCLUDED.practice,
               reflection_question = EXCLUDED.reflection_question, updated_at = now()
           WHERE (lesson.skill_id, lesson.position, lesson.minutes, lesson.title, lesson.key_idea,
                  lesson.why_it_matters, lesson.practice, lesson.reflection_question)
             IS DISTINCT FROM
                 (EXCLUDED.skill_id, EXCLUDED.position, EXCLUDED.minutes, EXCLUDED.title,
                  EXCLUDED.key_idea, EXCLUDED.why_it_matters, EXCLUDED.practice,
                  EXCLUDED.reflection_question)
         RETURNING (xmax = 0) AS inserted`,
        [
          lesson.slug,
          skill.slug,
          index + 1,
          lesson.minutes,
          lesson.title,
          lesson.keyIdea,
          lesson.whyItMatters,
          lesson.practice,
          lesson.reflectionQuestion,
        ],
      );
      tally(counts, rows);
    }
  }
  // A lesson taken out of the files leaves the library.
  // A CTE, because TypeORM reshapes the result of a bare DELETE … RETURNING.
  const [removed]: { count: number }[] = await manager.query(
    `WITH gone AS (DELETE FROM lesson WHERE NOT (slug = ANY($1)) RETURNING id)
     SELECT count(*)::int AS count FROM gone`,
    [skills.flatMap((skill) => skill.lessons.map((lesson) => lesson.slug))],
  );
  counts.removed = removed?.count ?? 0;
  return counts;
}

function tally(counts: Counts, rows: Upserted[]): void {
  const row = rows[0];
  if (!row) counts.unchanged += 1;
  else if (row.inserted) counts.created += 1;
  else counts.updated += 1;
}

/** What a version freezes; the assessment's position and kind are not part of it. */
function versionContent(assessment: AssessmentFile) {
  const { title, description, estimatedMinutes, items } = assessment;
  return { title, description, estimatedMinutes, items };
}

export function contentHash(assessment: AssessmentFile): string {
  return createHash("sha256")
    .update(stableJson(versionContent(assessment)))
    .digest("hex");
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

async function importAssessment(
  manager: EntityManager,
  assessment: AssessmentFile,
): Promise<"created" | "newVersions" | "unchanged"> {
  const hash = contentHash(assessment);
  const [existing]: { id: string; current_hash: string | null; latest: number | null }[] =
    await manager.query(
      `SELECT a.id, cv.content_hash AS current_hash,
              (SELECT max(v.version) FROM assessment_version v WHERE v.assessment_id = a.id) AS latest
         FROM assessment a LEFT JOIN assessment_version cv ON cv.id = a.current_version_id
        WHERE a.slug = $1 AND a.organization_id IS NULL`,
      [assessment.slug],
    );
  let assessmentId: string;
  if (existing) {
    assessmentId = existing.id;
    await manager.query(
      `UPDATE assessment SET kind = $2, position = $3, updated_at = now()
        WHERE id = $1 AND (kind, position) IS DISTINCT FROM ($2, $3)`,
      [assessmentId, assessment.kind, assessment.position],
    );
    if (existing.current_hash === hash) return "unchanged";
  } else {
    const [created]: { id: string }[] = await manager.query(
      `INSERT INTO assessment (slug, kind, position) VALUES ($1, $2, $3) RETURNING id`,
      [assessment.slug, assessment.kind, assessment.position],
    );
    assessmentId = (created as { id: string }).id;
  }
  await publishVersion(manager, assessmentId, (existing?.latest ?? 0) + 1, hash, assessment);
  return existing ? "newVersions" : "created";
}

async function publishVersion(
  manager: EntityManager,
  assessmentId: string,
  version: number,
  hash: string,
  assessment: AssessmentFile,
): Promise<void> {
  const [row]: { id: string }[] = await manager.query(
    `INSERT INTO assessment_version
       (assessment_id, version, status, content_hash, title, description, estimated_minutes)
     VALUES ($1, $2, 'DRAFT', $3, $4, $5, $6) RETURNING id`,
    [
      assessmentId,
      version,
      hash,
      assessment.title,
      assessment.description,
      assessment.estimatedMinutes,
    ],
  );
  const versionId = (row as { id: string }).id;

  const items = assessment.items.map((item, index) => ({
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

  const options = assessment.items.flatMap((item) =>
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

  const skills = [...new Set(assessment.items.flatMap(measuredSkills))];
  await manager.query(
    `INSERT INTO assessment_version_skill (version_id, skill_id)
     SELECT $1, s.id FROM skill s WHERE s.slug = ANY($2)`,
    [versionId, skills],
  );

  await manager.query(
    `UPDATE assessment_version SET status = 'PUBLISHED', published_at = now() WHERE id = $1`,
    [versionId],
  );
  await manager.query(
    `UPDATE assessment SET current_version_id = $2, updated_at = now() WHERE id = $1`,
    [assessmentId, versionId],
  );
}
