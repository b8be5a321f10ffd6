import { Field, ObjectType } from "type-graphql";
import { PrincipalKindEnum, PrincipalRoleEnum } from "../../auth/auth.enums.js";
import { Organization } from "./organization.entity.js";

@ObjectType({ description: "Who is calling, as the API sees it." })
export class Viewer {
  @Field(() => PrincipalKindEnum, { description: "How the caller authenticated." })
  kind: keyof typeof PrincipalKindEnum;

  @Field(() => PrincipalRoleEnum, {
    nullable: true,
    description: "What the caller may do; null when anonymous.",
  })
  role: keyof typeof PrincipalRoleEnum | null;

  @Field(() => Organization, {
    nullable: true,
    description: "The caller's organisation; null when anonymous.",
  })
  organization: Organization | null;

  @Field(() => String, {
    nullable: true,
    description: "The pseudonymous employee id (`sub`) of an embed token; null otherwise.",
  })
  subject: string | null;

  @Field(() => String, { nullable: true, description: "The team claim of an embed token." })
  team: string | null;

  @Field(() => String, { nullable: true, description: "The department claim of an embed token." })
  department: string | null;
}
