import type { DataSource, EntityManager } from "typeorm";
import { announceChange } from "../../caching/change-notices.js";
import type { Library } from "./content.reader.js";
import type { AssessmentFile, SkillFile } from "./content.schema.js";
import { contentHash, insertDraftVersion, publishVersion } from "./version.writer.js";

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
 * versions stay as they were, because attempts are pinned to them. A change is announced to
 * every API instance (their response caches), wherever the import runs.
 */
export async function importLibrary(
  dataSource: DataSource,
  library: Library,
): Promise<ImportReport> {
  const report = await dataSource.transaction(async (manager) => {
    await manager.query("SELECT pg_advisory_xact_lock($1)", [IMPORT_LOCK_KEY]);
    const skills = await upsertSkills(manager, library.skills);
    const lessons = await upsertLessons(manager, library.skills);
    const assessments: ImportReport["assessments"] = { created: 0, newVersions: 0, unchanged: 0 };
    for (const assessment of library.assessments) {
      assessments[await importAssessment(manager, assessment)] += 1;
    }
    return { skills, lessons, assessments };
  });
  if (changedAnything(report)) await announceChange(dataSource, { kind: "library" });
  return report;
}

function changedAnything({ skills, lessons, assessments }: ImportReport): boolean {
  return (
    skills.created + skills.updated + lessons.created + lessons.updated + lessons.removed > 0 ||
    assessments.created + assessments.newVersions > 0
  );
}

interface Upserted {
  inserted: boolean;
}

async function upsertSkills(manager: EntityManager, skills: SkillFile[]): Promise<Counts> {
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  for (const skill of skills) {
    // The WHERE clause skips identical rows, so re-importing leaves updated_at untouched.
    const rows: Upserted[] = await manager.query(
      `INSERT INTO skill (slug, position, name, summary, feedback)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (slug) DO UPDATE
         SET position = EXCLUDED.position, name = EXCLUDED.name, summary = EXCLUDED.summary,
             feedback = EXCLUDED.feedback, updated_at = now()
         WHERE (skill.position, skill.name, skill.summary, skill.feedback)
           IS DISTINCT FROM (EXCLUDED.position, EXCLUDED.name, EXCLUDED.summary, EXCLUDED.feedback)
       RETURNING (xmax = 0) AS inserted`,
      [skill.slug, skill.position, skill.name, skill.summary, skill.feedback],
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
  const version = (existing?.latest ?? 0) + 1;
  const versionId = await insertDraftVersion(manager, assessmentId, version, assessment);
  await publishVersion(manager, assessmentId, versionId);
  return existing ? "newVersions" : "created";
}
