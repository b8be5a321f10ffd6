import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { sharedGroupLoader, sharedRowLoader } from "../../common/loader.js";
import type { SharedReads } from "../../common/shared-reads.js";
import { Skill } from "./skill.entity.js";

/** A skill with the version that measures it. */
type VersionSkill = Skill & { versionId: string };

/** Skills are library content: kept process-wide until an import (`SharedReads`). */
export function createSkillCaches(shared: SharedReads) {
  return {
    byId: shared.cache<Skill | null>(1_000),
    byVersionId: shared.cache<VersionSkill[]>(1_000),
  };
}

export function createSkillLoaders(
  dataSource: DataSource,
  caches: ReturnType<typeof createSkillCaches>,
) {
  const skills = dataSource.getRepository(Skill);
  return {
    skillById: sharedRowLoader(
      caches.byId,
      (ids: readonly string[]) => skills.findBy({ id: In([...ids]) }),
      (skill) => skill.id,
    ),
    /** The skills an assessment version measures, in library order. */
    skillsByVersionId: sharedGroupLoader(
      caches.byVersionId,
      (versionIds: readonly string[]) =>
        dataSource.query<VersionSkill[]>(
          `SELECT s.id, s.slug, s.position, s.name, s.summary, vs.version_id AS "versionId"
             FROM assessment_version_skill vs JOIN skill s ON s.id = vs.skill_id
            WHERE vs.version_id = ANY($1) ORDER BY s.position`,
          [versionIds],
        ),
      (row) => row.versionId,
    ),
  };
}
