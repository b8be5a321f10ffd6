import type { LocalizedText } from "@real-skills/shared";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { AssessmentKindEnum, type AssessmentKind } from "./assessment.enums.js";

/**
 * An assessment as employees take it: the assessment joined with its current published version.
 * Never carries scoring weights.
 */
@ObjectType("Assessment", {
  description: "A micro-assessment in its current published version, with its items.",
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
