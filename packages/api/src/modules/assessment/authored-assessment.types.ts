import { Field, ID, ObjectType } from "type-graphql";
import { AssessmentKindEnum, type AssessmentKind } from "./assessment.enums.js";
import type { Assessment } from "./assessment.entity.js";

@ObjectType({
  description:
    "An assessment the caller's organisation authored, as its administrators see it: every version, its draft and its state.",
})
export class AuthoredAssessment {
  @Field(() => ID, { description: "Stable identifier of the assessment (all versions)." })
  id: string;

  @Field({ description: "Identifies the assessment within the organisation." })
  slug: string;

  @Field(() => AssessmentKindEnum, {
    description:
      "SKILL when it measures one skill, else COMPOSITE: set from the first draft, then from each publish.",
  })
  kind: AssessmentKind;

  @Field(() => Date, {
    nullable: true,
    description: "When it was archived (hidden from employees); null while in use.",
  })
  archivedAt: Date | null;

  @Field({ description: "When it was created." })
  createdAt: Date;

  currentVersionId: string | null;
}

export function toAuthoredAssessment(row: Assessment): AuthoredAssessment {
  const { id, slug, kind, archivedAt, createdAt, currentVersionId } = row;
  return { id, slug, kind, archivedAt, createdAt, currentVersionId };
}
