import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { groupLoader } from "../../common/loader.js";
import { Lesson } from "./lesson.entity.js";

export function createLessonLoaders(dataSource: DataSource) {
  const lessons = dataSource.getRepository(Lesson);
  return {
    lessonsBySkillId: groupLoader(
      (skillIds: readonly string[]) =>
        lessons.find({ where: { skillId: In([...skillIds]) }, order: { position: "ASC" } }),
      (lesson) => lesson.skillId,
    ),
  };
}
