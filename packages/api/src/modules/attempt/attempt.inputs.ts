import { LIMITS } from "@real-skills/shared";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { ConnectionArgs } from "../../common/connection.js";
import { AttemptStatusEnum, type AttemptStatus } from "./attempt.enums.js";

@InputType({ description: "Which assessment to start (or resume)." })
export class StartAttemptInput {
  @Field({ description: "The assessment's slug, e.g. `decision-quality`." })
  assessmentSlug: string;
}

@InputType({
  description:
    "One answer to save. Exactly one of `value` (LIKERT), `optionId` (SITUATIONAL, FORCED_CHOICE) and `text` (REFLECTION).",
})
export class SaveAnswerInput {
  @Field(() => ID, { description: "The caller's attempt, IN_PROGRESS." })
  attemptId: string;

  @Field(() => ID, { description: "An item of the assessment version the attempt is pinned to." })
  itemId: string;

  @Field(() => ID, { nullable: true, description: "The chosen option of the item." })
  optionId?: string | null;

  @Field(() => Int, { nullable: true, description: "Agreement 1 (disagree) to 5 (agree)." })
  value?: number | null;

  @Field(() => String, {
    nullable: true,
    description: `Free text, at most ${LIMITS.maxReflectionLength} characters; an empty text removes the answer.`,
  })
  text?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "A counter the client raises with every change to this item's answer (default 0). A save with a lower sequence than the stored answer's changes nothing, so a late retry never overwrites a newer answer.",
  })
  sequence?: number | null;
}

@InputType({ description: "The attempt to submit, and the key that makes retrying safe." })
export class SubmitAttemptInput {
  @Field(() => ID, { description: "The caller's attempt." })
  attemptId: string;

  @Field({
    description: `A client-generated key, 1–${LIMITS.maxIdempotencyKeyLength} characters (a UUID, say), kept until the result arrives. Sending it again returns the same result.`,
  })
  idempotencyKey: string;
}

@ArgsType()
export class MyAttemptsArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: "Only attempts at this assessment (slug)." })
  assessment?: string | null;

  @Field(() => AttemptStatusEnum, { nullable: true, description: "Only attempts in this status." })
  status?: AttemptStatus | null;
}
