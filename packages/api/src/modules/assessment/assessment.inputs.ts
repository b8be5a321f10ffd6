import { ArgsType, Field } from "type-graphql";
import { ConnectionArgs } from "../../common/connection.js";

@ArgsType()
export class AssessmentsArgs extends ConnectionArgs {
  @Field(() => String, {
    nullable: true,
    description: "Only assessments that measure this skill (its slug).",
  })
  skill?: string | null;
}
