import { pickText } from "@real-skills/shared";
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import {
  ConnectionArgs,
  connectionTypes,
  toConnection,
  validatePageSize,
} from "../../common/connection.js";
import type { ConnectionShape } from "../../common/connection.js";
import { LocaleArg } from "../../common/locale-arg.js";
import { requireSlug } from "../../common/slug.js";
import type { Context } from "../../context.js";
import { Lesson } from "../lesson/lesson.entity.js";
import { Skill } from "./skill.entity.js";

const SkillConnection = connectionTypes(Skill, "Skill");

@Resolver(() => Skill)
export class SkillResolver {
  @Query(() => SkillConnection, { description: "The skill areas of the library, in order." })
  async skills(
    @Args() { first, after }: ConnectionArgs,
    @LocaleArg() _locale: string | null,
    @Ctx() { services }: Context,
  ): Promise<ConnectionShape<Skill>> {
    return toConnection(await services.skills.list({ first: validatePageSize(first), after }));
  }

  @Query(() => Skill, { nullable: true, description: "One skill area by slug; null if none." })
  skill(
    @Arg("slug", { description: "The skill's slug, e.g. `decision-quality`." }) slug: string,
    @LocaleArg() _locale: string | null,
    @Ctx() { services }: Context,
  ): Promise<Skill | null> {
    return services.skills.bySlug(requireSlug(slug));
  }

  @FieldResolver(() => String, { description: "Name of the skill area." })
  name(@Root() skill: Skill, @Ctx() { locale }: Context): string {
    return pickText(skill.name, locale);
  }

  @FieldResolver(() => String, { description: "What the skill is about, in one or two sentences." })
  summary(@Root() skill: Skill, @Ctx() { locale }: Context): string {
    return pickText(skill.summary, locale);
  }

  @FieldResolver(() => [Lesson], { description: "The skill's lessons, in order." })
  lessons(@Root() skill: Skill, @Ctx() { loaders }: Context): Promise<Lesson[]> {
    return loaders.lessonsBySkillId.load(skill.id);
  }
}
