import {
  BANDS,
  ITEM_KINDS,
  SKILL_SLUGS,
  SLUG_PATTERN,
  SUPPORTED_LOCALES,
  type Band,
  type BandFeedback,
} from "@real-skills/shared";
import { z } from "zod";

/**
 * The shape of assessments and skills: the library's content files (see `docs/content.md`) and
 * the assessments organisations author through the admin API. Both share every structural rule
 * below; they differ only in how scoring is written (a `weights` map in files, a list of
 * `{ skill, points }` over GraphQL). Rules spanning several fields live in `content.rules.ts`.
 */

export const slugSchema = z
  .string()
  .max(64, "must be at most 64 characters")
  .regex(SLUG_PATTERN, "must be lower-case words joined by single hyphens");

const slug = slugSchema;

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
    { error: (issue) => (issue.input === undefined ? "is required" : undefined) },
  );

const skillSlug = z.enum(SKILL_SLUGS, {
  error: (issue) =>
    issue.input === undefined ? "is required" : `must be one of ${SKILL_SLUGS.join(", ")}`,
});

const lessonSchema = z.strictObject({
  slug,
  minutes: z.number().int().min(2).max(10),
  title: text(80),
  keyIdea: text(500),
  whyItMatters: text(1500),
  practice: text(1500),
  reflectionQuestion: text(300),
});

const feedbackTextSchema = z.strictObject(
  { summary: text(300), nextStep: text(400) },
  {
    error: (issue) =>
      issue.input === undefined
        ? `is missing (feedback is written for every band: ${BANDS.join(", ")})`
        : undefined,
  },
);

// Annotated with the shared type so that the files cannot drift from what results are built from.
const bandFeedbackSchema: z.ZodType<BandFeedback> = z.strictObject(
  Object.fromEntries(BANDS.map((band) => [band, feedbackTextSchema])) as Record<
    Band,
    typeof feedbackTextSchema
  >,
  { error: (issue) => (issue.input === undefined ? "is required" : undefined) },
);

export const skillFileSchema = z.strictObject({
  slug: skillSlug,
  position: z.number().int().min(1),
  name: text(60),
  summary: text(280),
  lessons: z.array(lessonSchema).min(2, "needs at least 2 lessons").max(6),
  feedback: bandFeedbackSchema,
});

const points = z.number().int("must be a whole number").min(0).max(3);

/**
 * Builds the item schema of one dialect. `option` is the schema of an answer option; `likert`
 * adds the dialect's reverse-keying field to LIKERT items.
 */
function itemSchema<O extends z.ZodType, L extends z.core.$ZodShape>(option: O, likert: L) {
  return z.discriminatedUnion(
    "kind",
    [
      z.strictObject({
        key: slug,
        kind: z.literal("LIKERT"),
        skill: skillSlug,
        ...likert,
        prompt: text(300),
      }),
      z.strictObject({
        key: slug,
        kind: z.literal("SITUATIONAL"),
        prompt: text(400),
        options: z.array(option).min(3, "needs 3 or 4 options").max(4, "needs 3 or 4 options"),
      }),
      z.strictObject({
        key: slug,
        kind: z.literal("FORCED_CHOICE"),
        prompt: text(300),
        options: z.array(option).length(2, "needs exactly 2 options"),
      }),
      z.strictObject({ key: slug, kind: z.literal("REFLECTION"), prompt: text(300) }),
    ],
    { error: `kind must be one of ${ITEM_KINDS.join(", ")}` },
  );
}

/** What a version of an assessment holds, shared by both dialects. */
const versionShape = {
  estimatedMinutes: z.number().int().min(2).max(4),
  title: text(80),
  description: text(280),
};

const ITEM_COUNT = { min: 5, max: 14 } as const;

// --- The file dialect: `weights: { <skill>: points }`, `reverseKeyed`.

const fileItemSchema = itemSchema(
  z.strictObject({ key: slug, label: text(200), weights: z.partialRecord(skillSlug, points) }),
  { reverseKeyed: z.boolean().default(false) },
);

export const assessmentFileSchema = z.strictObject({
  slug,
  kind: z.enum(["SKILL", "COMPOSITE"]),
  position: z.number().int().min(1),
  ...versionShape,
  items: z.array(fileItemSchema).min(ITEM_COUNT.min).max(ITEM_COUNT.max),
});

// --- The API dialect: `skillPoints: [{ skill, points }]`, `reverseScored`. The GraphQL schema
// never says "weights" (employees must not learn that options are scored), so the names differ.

const skillPointsSchema = z
  .array(z.strictObject({ skill: skillSlug, points }))
  .superRefine((list, context) => {
    const seen = new Set<string>();
    list.forEach((entry, index) => {
      if (seen.has(entry.skill)) {
        context.addIssue({
          code: "custom",
          path: [index, "skill"],
          message: `"${entry.skill}" is listed twice`,
        });
      }
      seen.add(entry.skill);
    });
  });

const authoredItemSchema = itemSchema(
  z.strictObject({ key: slug, label: text(200), skillPoints: skillPointsSchema.default([]) }),
  { reverseScored: z.boolean().default(false) },
);

/** An assessment version as an organisation writes it through the admin API. */
export const authoredAssessmentSchema = z.strictObject({
  ...versionShape,
  items: z.array(authoredItemSchema).min(ITEM_COUNT.min).max(ITEM_COUNT.max),
});

export type SkillFile = z.infer<typeof skillFileSchema>;
export type LessonContent = SkillFile["lessons"][number];
export type AssessmentFile = z.infer<typeof assessmentFileSchema>;
export type ItemContent = AssessmentFile["items"][number];
export type OptionContent = Extract<ItemContent, { options: unknown }>["options"][number];
export type AuthoredAssessment = z.infer<typeof authoredAssessmentSchema>;
export type AuthoredItem = AuthoredAssessment["items"][number];

/** The part of an assessment that a version freezes: the input of the version writer. */
export type VersionContent = Pick<
  AssessmentFile,
  "title" | "description" | "estimatedMinutes" | "items"
>;
