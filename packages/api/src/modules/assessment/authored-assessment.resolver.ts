import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { AssessmentVersion } from "./assessment-version.entity.js";
import { AuthoredAssessment } from "./authored-assessment.types.js";
import {
  AuthoredItem,
  AuthoredOption,
  toAuthoredItem,
  toAuthoredOption,
} from "./authored-item.types.js";

// These types are reachable only through ADMIN-guarded fields, so they need no guard of their own.

@Resolver(() => AuthoredAssessment)
export class AuthoredAssessmentResolver {
  @FieldResolver(() => [AssessmentVersion], { description: "Every version, newest first." })
  versions(
    @Root() assessment: AuthoredAssessment,
    @Ctx() { loaders }: Context,
  ): Promise<AssessmentVersion[]> {
    return loaders.versionsByAssessmentId.load(assessment.id);
  }

  @FieldResolver(() => AssessmentVersion, {
    nullable: true,
    description: "The published version employees take; null until the first publish.",
  })
  async current(
    @Root() assessment: AuthoredAssessment,
    @Ctx() { loaders }: Context,
  ): Promise<AssessmentVersion | null> {
    const versions = await loaders.versionsByAssessmentId.load(assessment.id);
    return versions.find((version) => version.id === assessment.currentVersionId) ?? null;
  }

  @FieldResolver(() => AssessmentVersion, {
    nullable: true,
    description: "The draft that `publishAssessment` would publish; null when there is none.",
  })
  async draft(
    @Root() assessment: AuthoredAssessment,
    @Ctx() { loaders }: Context,
  ): Promise<AssessmentVersion | null> {
    const [latest] = await loaders.versionsByAssessmentId.load(assessment.id);
    return latest?.status === "DRAFT" ? latest : null;
  }
}

@Resolver(() => AssessmentVersion)
export class AssessmentVersionResolver {
  @FieldResolver(() => [AuthoredItem], { description: "The items of this version, in order." })
  async items(
    @Root() version: AssessmentVersion,
    @Ctx() { loaders }: Context,
  ): Promise<AuthoredItem[]> {
    return (await loaders.itemsByVersionId.load(version.id)).map(toAuthoredItem);
  }
}

@Resolver(() => AuthoredItem)
export class AuthoredItemResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "LIKERT only: slug of the skill the statement measures.",
  })
  async skill(@Root() item: AuthoredItem, @Ctx() { loaders }: Context): Promise<string | null> {
    if (item.skillId === null) return null;
    return (await loaders.skillById.load(item.skillId))?.slug ?? null;
  }

  @FieldResolver(() => [AuthoredOption], {
    description: "SITUATIONAL and FORCED_CHOICE only: the options with their scoring.",
  })
  async options(
    @Root() item: AuthoredItem,
    @Ctx() { loaders }: Context,
  ): Promise<AuthoredOption[]> {
    if (item.kind !== "SITUATIONAL" && item.kind !== "FORCED_CHOICE") return [];
    return (await loaders.optionsByItemId.load(item.id)).map(toAuthoredOption);
  }
}
