import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { AssessmentResolver } from "./modules/assessment/assessment.resolver.js";
import { ItemOptionResolver, ItemResolver } from "./modules/assessment/item.resolver.js";
import { LessonResolver } from "./modules/lesson/lesson.resolver.js";
import { OrganizationResolver } from "./modules/organization/organization.resolver.js";
import { SkillResolver } from "./modules/skill/skill.resolver.js";

/** Builds the executable schema. Process-wide: build once and share. */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [
      SkillResolver,
      LessonResolver,
      AssessmentResolver,
      ItemResolver,
      ItemOptionResolver,
      OrganizationResolver,
    ],
    // Inputs are checked by services with messages naming the field; no class-validator.
    validate: false,
    emitSchemaFile: false,
  });
  // type-graphql has no decorator for the description of the root type itself.
  const query = schema.getQueryType();
  if (query) {
    query.description =
      "The real-skills library (readable without credentials) and the caller's organisation.";
  }
  return schema;
}
