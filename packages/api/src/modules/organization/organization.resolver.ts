import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { requireRole } from "../../auth/guards.js";
import type { Context } from "../../context.js";
import { parseSettingsInput } from "./organization-settings.js";
import { Organization } from "./organization.entity.js";
import { OrganizationSettingsInput } from "./organization.inputs.js";
import { Viewer } from "./viewer.js";

@Resolver()
export class OrganizationResolver {
  @Query(() => Viewer, { description: "Who is calling: anonymous, an API key or an embed token." })
  async viewer(@Ctx() { principal, services }: Context): Promise<Viewer> {
    if (principal.kind === "ANONYMOUS") {
      return {
        kind: "ANONYMOUS",
        role: null,
        organization: null,
        subject: null,
        team: null,
        department: null,
      };
    }
    const organization = await services.organizations.byId(principal.organizationId);
    const embed = principal.kind === "EMBED_TOKEN" ? principal : null;
    return {
      kind: principal.kind,
      role: principal.role,
      organization,
      subject: embed?.subject ?? null,
      team: embed?.team ?? null,
      department: embed?.department ?? null,
    };
  }

  @Mutation(() => Organization, {
    description:
      "Changes the organisation's settings; fields left out stay as they are. ADMIN only.",
  })
  updateOrganizationSettings(
    @Arg("input", () => OrganizationSettingsInput, { description: "The settings to change." })
    input: OrganizationSettingsInput,
    @Ctx() { principal, services }: Context,
  ): Promise<Organization> {
    const admin = requireRole(principal, "ADMIN");
    return services.organizations.updateSettings(admin, parseSettingsInput(input));
  }
}
