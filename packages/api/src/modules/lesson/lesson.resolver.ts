import { pickText } from "@real-skills/shared";
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { LocaleArg } from "../../common/locale-arg.js";
import { requireSlug } from "../../common/slug.js";
import type { Context } from "../../context.js";
import { Skill } from "../skill/skill.entity.js";
import { Lesson } from "./lesson.entity.js";

@Resolver(() => Lesson)
export class LessonResolver {
  @Query(() => Lesson, { nullable: true, description: "One lesson by slug; null if none." })
  lesson(
    @Arg("slug", { description: "The lesson's slug." }) slug: string,
    @LocaleArg() _locale: string | null,
    @Ctx() { services }: Context,
  ): Promise<Lesson | null> {
    return services.lessons.bySlug(requireSlug(slug));
  }

  @FieldResolver(() => String, { description: "Title of the lesson." })
  title(@Root() lesson: Lesson, @Ctx() { locale }: Context): string {
    return pickText(lesson.title, locale);
  }

  @FieldResolver(() => String, { description: "The idea of the lesson in plain words." })
  keyIdea(@Root() lesson: Lesson, @Ctx() { locale }: Context): string {
    return pickText(lesson.keyIdea, locale);
  }

  @FieldResolver(() => String, { description: "Why the idea matters in everyday work." })
  whyItMatters(@Root() lesson: Lesson, @Ctx() { locale }: Context): string {
    return pickText(lesson.whyItMatters, locale);
  }

  @FieldResolver(() => String, { description: "Something concrete to practise this week." })
  practice(@Root() lesson: Lesson, @Ctx() { locale }: Context): string {
    return pickText(lesson.practice, locale);
  }

  @FieldResolver(() => String, { description: "A question to reflect on after the practice." })
  reflectionQuestion(@Root() lesson: Lesson, @Ctx() { locale }: Context): string {
    return pickText(lesson.reflectionQuestion, locale);
  }

  @FieldResolver(() => Skill, { description: "The skill area the lesson belongs to." })
  async skill(@Root() lesson: Lesson, @Ctx() { loaders }: Context): Promise<Skill> {
    const skill = await loaders.skillById.load(lesson.skillId);
    if (!skill) throw new Error(`lesson ${lesson.id} refers to missing skill ${lesson.skillId}`);
    return skill;
  }
}
