import {
  pickText,
  RECOMMENDATION_LIMITS,
  recommendLessons,
  weakestSkills,
  type SkillSlug,
} from "@real-skills/shared";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { Lesson } from "../lesson/lesson.entity.js";
import { Skill } from "../skill/skill.entity.js";
import { Item } from "../assessment/item.entity.js";
import { Answer } from "./answer.entity.js";
import { AttemptScore } from "./attempt-score.entity.js";
import { AttemptResult } from "./attempt-result.js";

@Resolver(() => AttemptResult)
export class AttemptResultResolver {
  @FieldResolver(() => [AttemptScore], {
    description: "A score per skill the answered items measure, in library order.",
  })
  scores(@Root() result: AttemptResult, @Ctx() { loaders }: Context): Promise<AttemptScore[]> {
    return loaders.scoresByAttemptId.load(result.attempt.id);
  }

  @FieldResolver(() => [Lesson], {
    description:
      "Up to three lessons for the weakest skills of this result, the most useful first.",
  })
  async recommendedLessons(
    @Root() result: AttemptResult,
    @Ctx() { loaders }: Context,
  ): Promise<Lesson[]> {
    const stored = await loaders.scoresByAttemptId.load(result.attempt.id);
    const scores = stored.map(({ score, band, answered, raw, min, max, skillSlug }) => ({
      skill: skillSlug as SkillSlug,
      score,
      band,
      answered,
      raw,
      min,
      max,
    }));
    // Only the weakest skills' lessons can be recommended, so only theirs are read.
    const weakest = new Set(
      weakestSkills(scores, RECOMMENDATION_LIMITS.skills).map((score) => score.skill),
    );
    const skillIds = stored
      .filter((score) => weakest.has(score.skillSlug as SkillSlug))
      .map((score) => score.skillId);
    const lessons = (await loaders.lessonsBySkillId.loadMany(skillIds)).flatMap((group) =>
      group instanceof Error ? [] : group,
    );
    const slugBySkillId = new Map(
      stored.map((score) => [score.skillId, score.skillSlug as SkillSlug]),
    );
    const picked = recommendLessons(
      scores,
      lessons.map((lesson) => ({
        slug: lesson.slug,
        position: lesson.position,
        skill: slugBySkillId.get(lesson.skillId) as SkillSlug,
      })),
    );
    const bySlug = new Map(lessons.map((lesson) => [lesson.slug, lesson]));
    return picked.flatMap(({ slug }) => bySlug.get(slug) ?? []);
  }
}

@Resolver(() => AttemptScore)
export class SkillScoreResolver {
  @FieldResolver(() => Skill, { description: "The skill scored." })
  async skill(@Root() score: AttemptScore, @Ctx() { loaders }: Context): Promise<Skill> {
    return skillOf(score, loaders);
  }

  @FieldResolver(() => String, { description: "What a result in this band means for this skill." })
  async feedback(
    @Root() score: AttemptScore,
    @Ctx() { loaders, locale }: Context,
  ): Promise<string> {
    const skill = await skillOf(score, loaders);
    return pickText(skill.feedback[score.band].summary, locale);
  }

  @FieldResolver(() => String, { description: "One concrete thing to try this week." })
  async nextStep(
    @Root() score: AttemptScore,
    @Ctx() { loaders, locale }: Context,
  ): Promise<string> {
    const skill = await skillOf(score, loaders);
    return pickText(skill.feedback[score.band].nextStep, locale);
  }
}

@Resolver(() => Answer)
export class AnswerResolver {
  @FieldResolver(() => Item, { description: "The item answered." })
  async item(@Root() answer: Answer, @Ctx() { loaders }: Context): Promise<Item> {
    const item = await loaders.itemById.load(answer.itemId);
    if (item === null) throw new Error(`Answer to missing item ${answer.itemId}.`);
    return item;
  }
}

async function skillOf(score: AttemptScore, loaders: Context["loaders"]): Promise<Skill> {
  const skill = await loaders.skillById.load(score.skillId);
  if (skill === null) throw new Error(`Score of missing skill ${score.skillId}.`);
  return skill;
}
