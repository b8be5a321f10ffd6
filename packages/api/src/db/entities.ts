import { AssessmentVersion } from "../modules/assessment/assessment-version.entity.js";
import { Assessment } from "../modules/assessment/assessment.entity.js";
import { ItemOption } from "../modules/assessment/item-option.entity.js";
import { Item } from "../modules/assessment/item.entity.js";
import { ApiKey } from "../auth/api-key.entity.js";
import { Answer } from "../modules/attempt/answer.entity.js";
import { AttemptScore } from "../modules/attempt/attempt-score.entity.js";
import { Attempt } from "../modules/attempt/attempt.entity.js";
import { EmbedKey } from "../auth/embed-key.entity.js";
import { AuditEntry } from "../modules/audit/audit-entry.entity.js";
import { Lesson } from "../modules/lesson/lesson.entity.js";
import { Organization } from "../modules/organization/organization.entity.js";
import { Skill } from "../modules/skill/skill.entity.js";
import { WebhookDelivery } from "../modules/webhook/webhook-delivery.entity.js";
import { WebhookEndpoint } from "../modules/webhook/webhook-endpoint.entity.js";
import { Library1764370000000 } from "./migrations/1764370000000-library.js";
import { Organizations1764380000000 } from "./migrations/1764380000000-organizations.js";
import { RateLimits1764390000000 } from "./migrations/1764390000000-rate-limits.js";
import { Attempts1764400000000 } from "./migrations/1764400000000-attempts.js";
import { Webhooks1764410000000 } from "./migrations/1764410000000-webhooks.js";
import { ReportCells1764420000000 } from "./migrations/1764420000000-report-cells.js";
import { XapiEndpoints1764430000000 } from "./migrations/1764430000000-xapi-endpoints.js";
import { ReportRevision1764440000000 } from "./migrations/1764440000000-report-revision.js";

/** Every entity, listed explicitly: ESM has no reliable glob loading. */
export const ENTITIES = [
  Skill,
  Lesson,
  Assessment,
  AssessmentVersion,
  Item,
  ItemOption,
  Organization,
  ApiKey,
  EmbedKey,
  AuditEntry,
  Attempt,
  Answer,
  AttemptScore,
  WebhookEndpoint,
  WebhookDelivery,
];

/** Every migration, in order. Add new ones at the end. */
export const MIGRATIONS = [
  Library1764370000000,
  Organizations1764380000000,
  RateLimits1764390000000,
  Attempts1764400000000,
  Webhooks1764410000000,
  ReportCells1764420000000,
  XapiEndpoints1764430000000,
  ReportRevision1764440000000,
];
