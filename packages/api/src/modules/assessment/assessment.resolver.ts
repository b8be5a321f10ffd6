import { pickText } from "@real-skills/shared";
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { connectionTypes, toConnection, validatePageSize } from "../../common/connection.js";
import type { ConnectionShape } from "../../common/connection.js";
import { LocaleArg } from "../../common/locale-arg.js";
import { requireSlug } from "../../common/slug.js";
import type { Context } from "../../context.js";
import { Skill } from "../skill/skill.entity.js";
import { AssessmentsArgs } from "./assessment.inputs.js";
import { Item } from "./item.entity.js";
import { PublishedAssessment } from "./published-assessment.js";

const AssessmentConnection = connectionTypes(PublishedAssessment, "Assessment");

@Resolver(() => PublishedAssessment)
export class AssessmentResolver {
  @Query(() => AssessmentConnection, {
    description:
      "Published assessments in library order: the built-in library, and for callers of an organisation its own assessments too. Optionally those measuring one skill.",
  })
  async assessments(
    @Args() { first, after, skill }: AssessmentsArgs,
    @LocaleArg() _locale: string | null,
    @Ctx() { principal, services }: Context,
  ): Promise<ConnectionShape<PublishedAssessment>> {
    const skillSlug = skill === null || skill === undefined ? null : requireSlug(skill, "skill");
    const page = await services.assessments.list(principal, {
      first: validatePageSize(first),
      after,
      skillSlug,
    });
    return toConnection(page);
  }

  @Query(() => PublishedAssessment, {
    nullable: true,
    description:
      "The current published version of one assessment, with its items; null if there is none the caller may see.",
  })
  assessment(
    @Arg("slug", { description: "The assessment's slug, e.g. `real-skills-check`." }) slug: string,
    @LocaleArg() _locale: string | null,
    @Ctx() { principal, services }: Context,
  ): Promise<PublishedAssessment | null> {
    return services.assessments.bySlug(principal, requireSlug(slug));
  }

  @FieldResolver(() => String, { description: "Title of the assessment." })
  title(@Root() assessment: PublishedAssessment, @Ctx() { locale }: Context): string {
    return pickText(assessment.title, locale);
  }

  @FieldResolver(() => String, { description: "What the assessment measures." })
  description(@Root() assessment: PublishedAssessment, @Ctx() { locale }: Context): string {
    return pickText(assessment.description, locale);
  }

  @FieldResolver(() => [Skill], { description: "The skills this version measures, in order." })
  skills(@Root() assessment: PublishedAssessment, @Ctx() { loaders }: Context): Promise<Skill[]> {
    return loaders.skillsByVersionId.load(assessment.versionId);
  }

  @FieldResolver(() => [Item], { description: "The items of this version, in order." })
  items(@Root() assessment: PublishedAssessment, @Ctx() { loaders }: Context): Promise<Item[]> {
    return loaders.publishedItemsByVersionId.load(assessment.versionId);
  }

  @FieldResolver(() => Int, { description: "Number of items in this version." })
  async itemCount(
    @Root() assessment: PublishedAssessment,
    @Ctx() { loaders }: Context,
  ): Promise<number> {
    return (await loaders.publishedItemsByVersionId.load(assessment.versionId)).length;
  }
}
