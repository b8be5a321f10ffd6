import { Field, ObjectType } from "type-graphql";
import { Attempt } from "./attempt.entity.js";

/** A submitted attempt seen as its result; scores and lessons are resolved from storage. */
@ObjectType({
  description:
    "The result of a submitted attempt: a score per skill, feedback, and lessons to grow. Only the employee who took it sees it.",
})
export class AttemptResult {
  @Field(() => Attempt, { description: "The attempt, SUBMITTED." })
  attempt: Attempt;

  @Field({ description: "When the attempt was submitted." })
  submittedAt: Date;
}

/** The result of an attempt, or null while it is still being answered. */
export function resultOf(attempt: Attempt): AttemptResult | null {
  return attempt.status === "SUBMITTED" && attempt.submittedAt !== null
    ? { attempt, submittedAt: attempt.submittedAt }
    : null;
}
