import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { sharedGroupLoader } from "../../common/loader.js";
import type { SharedReads } from "../../common/shared-reads.js";
import { Lesson } from "./lesson.entity.js";

/** Lessons are library content: kept process-wide until an import (`SharedReads`). */
export function createLessonCaches(shared: SharedReads) {
  return { bySkillId: shared.cache<Lesson[]>(1_000) };
}

export function createLessonLoaders(
  dataSource: DataSource,
  caches: ReturnType<typeof createLessonCaches>,
) {
  const lessons = dataSource.getRepository(Lesson);
  return {
    lessonsBySkillId: sharedGroupLoader(
      caches.bySkillId,
      (skillIds: readonly string[]) =>
        lessons.find({ where: { skillId: In([...skillIds]) }, order: { position: "ASC" } }),
      (lesson) => lesson.skillId,
    ),
  };
}
