import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { refuseUnstorableText } from "./hardening/index.js";
import { AssessmentAuthoringResolver } from "./modules/assessment/assessment-authoring.resolver.js";
import { AssessmentResolver } from "./modules/assessment/assessment.resolver.js";
import {
  AssessmentVersionResolver,
  AuthoredAssessmentResolver,
  AuthoredItemResolver,
} from "./modules/assessment/authored-assessment.resolver.js";
import { ItemOptionResolver, ItemResolver } from "./modules/assessment/item.resolver.js";
import {
  AnswerResolver,
  AttemptResultResolver,
  SkillScoreResolver,
} from "./modules/attempt/attempt-result.resolver.js";
import { AttemptResolver } from "./modules/attempt/attempt.resolver.js";
import { AuditResolver } from "./modules/audit/audit.resolver.js";
import { LessonResolver } from "./modules/lesson/lesson.resolver.js";
import { ApiKeyResolver } from "./modules/organization/api-key.resolver.js";
import { EmbedKeyResolver } from "./modules/organization/embed-key.resolver.js";
import { OrganizationResolver } from "./modules/organization/organization.resolver.js";
import {
  ReportSkillMeanResolver,
  ReportSkillResolver,
  TeamReportResolver,
} from "./modules/report/team-report.resolver.js";
import { SkillResolver } from "./modules/skill/skill.resolver.js";
import { SubjectDataResolver } from "./modules/subject/index.js";
import { WebhookResolver } from "./modules/webhook/webhook.resolver.js";

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
      AssessmentAuthoringResolver,
      AuthoredAssessmentResolver,
      AssessmentVersionResolver,
      AuthoredItemResolver,
      ApiKeyResolver,
      EmbedKeyResolver,
      AuditResolver,
      AttemptResolver,
      AttemptResultResolver,
      SkillScoreResolver,
      AnswerResolver,
      WebhookResolver,
      TeamReportResolver,
      ReportSkillResolver,
      ReportSkillMeanResolver,
      SubjectDataResolver,
    ],
    // Inputs are checked by services with messages naming the field; no class-validator.
    validate: false,
    emitSchemaFile: false,
  });
  // type-graphql has no decorator for the description of the root type itself.
  const query = schema.getQueryType();
  if (query) {
    query.description =
      "The real-skills library (readable without credentials), the caller's organisation, an employee's own attempts, and HR's aggregate reports.";
  }
  const mutation = schema.getMutationType();
  if (mutation) {
    mutation.description =
      "Employees taking assessments (embed token), and administration of the caller's organisation: authoring, keys, settings, webhooks (ADMIN API key).";
  }
  refuseUnstorableText(schema);
  return schema;
}
