import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { groupLoader, rowLoader } from "../../common/loader.js";
import { Skill } from "./skill.entity.js";

export function createSkillLoaders(dataSource: DataSource) {
  const skills = dataSource.getRepository(Skill);
  return {
    skillById: rowLoader(
      (ids: readonly string[]) => skills.findBy({ id: In([...ids]) }),
      (skill) => skill.id,
    ),
    /** The skills an assessment version measures, in library order. */
    skillsByVersionId: groupLoader(
      (versionIds: readonly string[]) =>
        dataSource.query<(Skill & { versionId: string })[]>(
          `SELECT s.id, s.slug, s.position, s.name, s.summary, vs.version_id AS "versionId"
             FROM assessment_version_skill vs JOIN skill s ON s.id = vs.skill_id
            WHERE vs.version_id = ANY($1) ORDER BY s.position`,
          [versionIds],
        ),
      (row) => row.versionId,
    ),
  };
}
