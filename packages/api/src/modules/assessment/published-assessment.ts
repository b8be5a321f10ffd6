import type { LocalizedText } from "@real-skills/shared";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { AssessmentKindEnum, type AssessmentKind } from "./assessment.enums.js";

/**
 * Selects `PublishedAssessment` rows from `assessment a` and `assessment_version v`; callers add
 * the join condition that picks the version.
 */
export const SELECT_PUBLISHED_VERSION = `
  SELECT a.id, a.slug, a.kind, a.position, v.id AS "versionId", v.version,
         v.published_at AS "publishedAt", v.estimated_minutes AS "estimatedMinutes",
         v.title, v.description
    FROM assessment a
    JOIN assessment_version v ON v.assessment_id = a.id`;

/**
 * An assessment as employees take it: the assessment joined with its current published version.
 * Never carries scoring weights.
 */
@ObjectType("Assessment", {
  description:
    "A micro-assessment in one published version (the current one, or the one an attempt is pinned to), with its items.",
})
export class PublishedAssessment {
  @Field(() => ID, { description: "Stable identifier of the assessment (all versions)." })
  id: string;

  @Field({ description: "Stable, human-readable identifier, e.g. `decision-quality`." })
  slug: string;

  @Field(() => AssessmentKindEnum, { description: "One skill, or several." })
  kind: AssessmentKind;

  @Field(() => Int, { description: "Display order in the library." })
  position: number;

  @Field(() => ID, { description: "Identifier of the published version these items belong to." })
  versionId: string;

  @Field(() => Int, {
    description: "Version number, starting at 1; a changed assessment gets a new version.",
  })
  version: number;

  @Field({ description: "When this version was published." })
  publishedAt: Date;

  @Field(() => Int, { description: "About how many minutes it takes." })
  estimatedMinutes: number;

  title: LocalizedText;
  description: LocalizedText;
}
