import { Arg, Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { requireRole } from "../../auth/guards.js";
import {
  ConnectionArgs,
  connectionTypes,
  toConnection,
  validatePageSize,
  type ConnectionShape,
} from "../../common/connection.js";
import { requireSlug } from "../../common/slug.js";
import type { Context } from "../../context.js";
import { AssessmentInput } from "./assessment-authoring.inputs.js";
import { parseAssessmentInput } from "./assessment-input.js";
import { AuthoredAssessment } from "./authored-assessment.types.js";

const AuthoredAssessmentConnection = connectionTypes(AuthoredAssessment, "AuthoredAssessment");

const SLUG = { description: "Slug of one of the organisation's own assessments." };

/** Authoring of the caller's organisation's assessments. Everything here needs an ADMIN key. */
@Resolver()
export class AssessmentAuthoringResolver {
  @Query(() => AuthoredAssessmentConnection, {
    description:
      "The organisation's own assessments with drafts and versions, archived ones included, by slug. ADMIN only.",
  })
  async authoredAssessments(
    @Args() { first, after }: ConnectionArgs,
    @Ctx() { principal, services }: Context,
  ): Promise<ConnectionShape<AuthoredAssessment>> {
    const admin = requireRole(principal, "ADMIN");
    const page = await services.authoring.listOwn(admin.organizationId, {
      first: validatePageSize(first),
      after,
    });
    return toConnection(page);
  }

  @Query(() => AuthoredAssessment, {
    nullable: true,
    description:
      "One of the organisation's own assessments with drafts and versions; null if none. ADMIN only.",
  })
  async authoredAssessment(
    @Arg("slug", SLUG) slug: string,
    @Ctx() { principal, services }: Context,
  ): Promise<AuthoredAssessment | null> {
    const admin = requireRole(principal, "ADMIN");
    return services.authoring.ownBySlug(admin.organizationId, requireSlug(slug));
  }

  @Mutation(() => AuthoredAssessment, {
    description:
      "Creates an assessment of the organisation with its content as draft version 1 (unpublished). ADMIN only.",
  })
  async createAssessment(
    @Arg("input", () => AssessmentInput, { description: "Slug and content." })
    input: AssessmentInput,
    @Ctx() { principal, services }: Context,
  ): Promise<AuthoredAssessment> {
    const admin = requireRole(principal, "ADMIN");
    const { slug, content } = parseAssessmentInput(input);
    return services.authoring.create(admin, slug, content);
  }

  @Mutation(() => AuthoredAssessment, {
    description:
      "Replaces the draft of the assessment named by `input.slug`; when its latest version is published, starts a new draft version instead. ADMIN only.",
  })
  async updateAssessmentDraft(
    @Arg("input", () => AssessmentInput, {
      description: "Slug of the assessment and its new content.",
    })
    input: AssessmentInput,
    @Ctx() { principal, services }: Context,
  ): Promise<AuthoredAssessment> {
    const admin = requireRole(principal, "ADMIN");
    const { slug, content } = parseAssessmentInput(input);
    return services.authoring.updateDraft(admin, slug, content);
  }

  @Mutation(() => AuthoredAssessment, {
    description:
      "Publishes the draft: it becomes the version employees take and never changes again. ADMIN only.",
  })
  async publishAssessment(
    @Arg("slug", SLUG) slug: string,
    @Ctx() { principal, services }: Context,
  ): Promise<AuthoredAssessment> {
    const admin = requireRole(principal, "ADMIN");
    return services.authoring.publish(admin, requireSlug(slug));
  }

  @Mutation(() => AuthoredAssessment, {
    description:
      "Archives the assessment: employees no longer see it or start it; its versions and results stay. ADMIN only.",
  })
  async archiveAssessment(
    @Arg("slug", SLUG) slug: string,
    @Ctx() { principal, services }: Context,
  ): Promise<AuthoredAssessment> {
    const admin = requireRole(principal, "ADMIN");
    return services.authoring.archive(admin, requireSlug(slug));
  }
}
