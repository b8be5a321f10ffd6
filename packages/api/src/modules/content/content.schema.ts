import { ITEM_KINDS, SKILL_SLUGS, SLUG_PATTERN, SUPPORTED_LOCALES } from "@real-skills/shared";
import { z } from "zod";

/**
 * The shape of the library's content files (see `content/FORMAT.md`). Structural rules live
 * here; rules that span several files (lesson slugs unique, skills exist) live in the reader.
 */

const slug = z
  .string()
  .max(64, "must be at most 64 characters")
  .regex(SLUG_PATTERN, "must be lower-case words joined by single hyphens");

const text = (maxLength: number) =>
  z.strictObject(
    Object.fromEntries(
      SUPPORTED_LOCALES.map((locale) => [
        locale,
        z
          .string({ error: `is missing (every text needs ${SUPPORTED_LOCALES.join(" and ")})` })
          .trim()
          .min(1, "must not be empty")
          .max(maxLength, `must be at most ${maxLength} characters`),
      ]),
    ) as Record<(typeof SUPPORTED_LOCALES)[number], z.ZodString>,
  );

const skillSlug = z.enum(SKILL_SLUGS, { error: `must be one of ${SKILL_SLUGS.join(", ")}` });

const lessonSchema = z.strictObject({
  slug,
  minutes: z.number().int().min(2).max(10),
  title: text(80),
  keyIdea: text(500),
  whyItMatters: text(1500),
  practice: text(1500),
  reflectionQuestion: text(300),
});

export const skillFileSchema = z.strictObject({
  slug: skillSlug,
  position: z.number().int().min(1),
  name: text(60),
  summary: text(280),
  lessons: z.array(lessonSchema).min(2, "needs at least 2 lessons").max(6),
});

const weight = z.number().int("must be a whole number").min(0).max(3);

const optionSchema = z.strictObject({
  key: slug,
  label: text(200),
  weights: z.partialRecord(skillSlug, weight),
});

const likert = z.strictObject({
  key: slug,
  kind: z.literal("LIKERT"),
  skill: skillSlug,
  reverseKeyed: z.boolean().default(false),
  prompt: text(300),
});

const situational = z.strictObject({
  key: slug,
  kind: z.literal("SITUATIONAL"),
  prompt: text(400),
  options: z.array(optionSchema).min(3, "needs 3 or 4 options").max(4, "needs 3 or 4 options"),
});

const forcedChoice = z.strictObject({
  key: slug,
  kind: z.literal("FORCED_CHOICE"),
  prompt: text(300),
  options: z.array(optionSchema).length(2, "needs exactly 2 options"),
});

const reflection = z.strictObject({
  key: slug,
  kind: z.literal("REFLECTION"),
  prompt: text(300),
});

const itemSchema = z.discriminatedUnion("kind", [likert, situational, forcedChoice, reflection], {
  error: `kind must be one of ${ITEM_KINDS.join(", ")}`,
});

export const assessmentFileSchema = z.strictObject({
  slug,
  kind: z.enum(["SKILL", "COMPOSITE"]),
  position: z.number().int().min(1),
  estimatedMinutes: z.number().int().min(2).max(4),
  title: text(80),
  description: text(280),
  items: z.array(itemSchema).min(5).max(14),
});

export type SkillFile = z.infer<typeof skillFileSchema>;
export type LessonContent = SkillFile["lessons"][number];
export type AssessmentFile = z.infer<typeof assessmentFileSchema>;
export type ItemContent = AssessmentFile["items"][number];
