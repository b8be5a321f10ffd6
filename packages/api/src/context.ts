import type { Locale } from "@real-skills/shared";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import { createAssessmentLoaders } from "./modules/assessment/assessment.loaders.js";
import type { AssessmentService } from "./modules/assessment/assessment.service.js";
import { createLessonLoaders } from "./modules/lesson/lesson.loaders.js";
import type { LessonService } from "./modules/lesson/lesson.service.js";
import { createSkillLoaders } from "./modules/skill/skill.loaders.js";
import type { SkillService } from "./modules/skill/skill.service.js";

/** Process-wide services: created once with the server, shared by every request. */
export interface Services {
  skills: SkillService;
  lessons: LessonService;
  assessments: AssessmentService;
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Everything one GraphQL request sees. Created per request; nothing in it outlives the request. */
export interface Context {
  /** The locale of this operation (argument, else `Accept-Language`, else `en`). */
  locale: Locale;
  services: Services;
  /** Per-request batching and caching of reads. */
  loaders: Loaders;
  logger: Logger;
}

export function createLoaders(dataSource: DataSource) {
  return {
    ...createSkillLoaders(dataSource),
    ...createLessonLoaders(dataSource),
    ...createAssessmentLoaders(dataSource),
  };
}
