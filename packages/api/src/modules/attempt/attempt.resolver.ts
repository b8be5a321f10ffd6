import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { requireEmployee } from "../../auth/guards.js";
import { connectionTypes, toConnection, validatePageSize } from "../../common/connection.js";
import type { ConnectionShape } from "../../common/connection.js";
import { LocaleArg } from "../../common/locale-arg.js";
import { requireSlug } from "../../common/slug.js";
import type { Context } from "../../context.js";
import { PublishedAssessment } from "../assessment/published-assessment.js";
import { Answer } from "./answer.entity.js";
import { AttemptResult, resultOf } from "./attempt-result.js";
import { Attempt } from "./attempt.entity.js";
import {
  MyAttemptsArgs,
  SaveAnswerInput,
  StartAttemptInput,
  SubmitAttemptInput,
} from "./attempt.inputs.js";

const AttemptConnection = connectionTypes(Attempt, "Attempt");

/** The employee's side of assessments: start, autosave, submit, and read one's own results. */
@Resolver(() => Attempt)
export class AttemptResolver {
  @Query(() => Attempt, {
    nullable: true,
    description:
      "One of the caller's own attempts; null when there is none with this id. Needs an embed token: HR never reads individual results.",
  })
  attempt(
    @Arg("id", () => ID, { description: "The attempt's id." }) id: string,
    @LocaleArg() _locale: string | null,
    @Ctx() { principal, services }: Context,
  ): Promise<Attempt | null> {
    return services.attempts.byId(requireEmployee(principal), id);
  }

  @Query(() => AttemptConnection, {
    description:
      "The caller's own attempts, newest first (by submission, else start). Needs an embed token.",
  })
  async myAttempts(
    @Args() { first, after, assessment, status }: MyAttemptsArgs,
    @LocaleArg() _locale: string | null,
    @Ctx() { principal, services }: Context,
  ): Promise<ConnectionShape<Attempt>> {
    const employee = requireEmployee(principal);
    const page = await services.attempts.listMine(employee, {
      first: validatePageSize(first),
      after,
      assessmentSlug:
        assessment === null || assessment === undefined
          ? null
          : requireSlug(assessment, "assessment"),
      status,
    });
    return toConnection(page);
  }

  @Mutation(() => Attempt, {
    description:
      "Resumes the caller's unfinished attempt at an assessment, or starts one pinned to its current published version. Needs an embed token.",
  })
  startAttempt(
    @Arg("input", { description: "Which assessment." }) input: StartAttemptInput,
    @LocaleArg() _locale: string | null,
    @Ctx() { principal, services }: Context,
  ): Promise<Attempt> {
    const employee = requireEmployee(principal);
    return services.attempts.start(
      employee,
      requireSlug(input.assessmentSlug, "input.assessmentSlug"),
    );
  }

  @Mutation(() => Attempt, {
    description:
      "Saves (or replaces) the answer to one item of the caller's unfinished attempt. Safe to retry.",
  })
  saveAnswer(
    @Arg("input", { description: "The answer and where it belongs." }) input: SaveAnswerInput,
    @Ctx() { principal, services }: Context,
  ): Promise<Attempt> {
    return services.attempts.saveAnswer(requireEmployee(principal), input);
  }

  @Mutation(() => AttemptResult, {
    description:
      "Scores and closes the caller's attempt once every required item is answered. Retrying with the same idempotency key returns the same result.",
  })
  async submitAttempt(
    @Arg("input", { description: "The attempt and the idempotency key." })
    input: SubmitAttemptInput,
    @LocaleArg() _locale: string | null,
    @Ctx() { principal, services }: Context,
  ): Promise<AttemptResult> {
    const employee = requireEmployee(principal);
    const attempt = await services.attempts.submit(employee, input.attemptId, input.idempotencyKey);
    const result = resultOf(attempt);
    if (result === null) throw new Error("A submitted attempt has no submission time.");
    return result;
  }

  @FieldResolver(() => PublishedAssessment, {
    description:
      "The assessment in the version this attempt is pinned to, with that version's items.",
  })
  async assessment(
    @Root() attempt: Attempt,
    @Ctx() { loaders }: Context,
  ): Promise<PublishedAssessment> {
    const assessment = await loaders.publishedByVersionId.load(attempt.versionId);
    if (assessment === null)
      throw new Error(`Attempt ${attempt.id} is pinned to an unpublished version.`);
    return assessment;
  }

  @FieldResolver(() => [Answer], { description: "The saved answers, in item order." })
  answers(@Root() attempt: Attempt, @Ctx() { loaders }: Context): Promise<Answer[]> {
    return loaders.answersByAttemptId.load(attempt.id);
  }

  @FieldResolver(() => Int, { description: "How many items have a saved answer." })
  async answeredCount(@Root() attempt: Attempt, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.answersByAttemptId.load(attempt.id)).length;
  }

  @FieldResolver(() => AttemptResult, {
    nullable: true,
    description: "Scores, feedback and recommended lessons; null until the attempt is submitted.",
  })
  result(@Root() attempt: Attempt): AttemptResult | null {
    return resultOf(attempt);
  }
}
