import type { Locale } from "@real-skills/shared";
import type { Principal } from "./auth/principal.js";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import { announcer, type ChangeSink } from "./caching/change-notices.js";
import { AssessmentAuthoringService } from "./modules/assessment/assessment-authoring.service.js";
import {
  createAssessmentCaches,
  createAssessmentLoaders,
} from "./modules/assessment/assessment.loaders.js";
import type { SharedReads } from "./common/shared-reads.js";
import { AssessmentService } from "./modules/assessment/assessment.service.js";
import { createAttemptLoaders } from "./modules/attempt/attempt.loaders.js";
import { AttemptService } from "./modules/attempt/attempt.service.js";
import { VersionItemsCache } from "./modules/attempt/version-items.js";
import { ReportCells } from "./modules/report/report-cells.js";
import { TeamReportService } from "./modules/report/team-report.service.js";
import { AuditService } from "./modules/audit/audit.service.js";
import { createLessonCaches, createLessonLoaders } from "./modules/lesson/lesson.loaders.js";
import { LessonService } from "./modules/lesson/lesson.service.js";
import { ApiKeyService } from "./modules/organization/api-key.service.js";
import { EmbedKeyService } from "./modules/organization/embed-key.service.js";
import { OrganizationService } from "./modules/organization/organization.service.js";
import { createSkillCaches, createSkillLoaders } from "./modules/skill/skill.loaders.js";
import { SkillService } from "./modules/skill/skill.service.js";
import { SubjectDataService } from "./modules/subject/subject-data.service.js";
import { WebhookService } from "./modules/webhook/webhook.service.js";

/** Process-wide services: created once with the server, shared by every request. */
export interface Services {
  skills: SkillService;
  lessons: LessonService;
  assessments: AssessmentService;
  /** Organisations' own assessments: drafts, publishing, archiving (admin API). */
  authoring: AssessmentAuthoringService;
  organizations: OrganizationService;
  apiKeys: ApiKeyService;
  embedKeys: EmbedKeyService;
  audit: AuditService;
  /** Employees' attempts, answers and results. */
  attempts: AttemptService;
  /** Webhook endpoints and the delivery log (admin API). */
  webhooks: WebhookService;
  /** HR's privacy-safe aggregate reports. */
  teamReports: TeamReportService;
  /** GDPR export and erasure of one employee's data (admin API). */
  subjectData: SubjectDataService;
}

/** Settings of the services; those left out take their defaults. */
export interface ServiceSettings {
  /** Accept `http://` webhook URLs (tests, local development); `https://` only by default. */
  webhookAllowHttp?: boolean;
  /** The current time as team reports see it (tests only: to read this month as ended). */
  reportNow?: () => Date;
  /** Hears of publishes and key changes; by default they are only announced (NOTIFY). */
  changes?: ChangeSink;
}

/** Builds the process-wide services. Called once per server. */
export function createServices(dataSource: DataSource, settings: ServiceSettings = {}): Services {
  const assessments = new AssessmentService(dataSource);
  const changes = settings.changes ?? announcer(dataSource);
  const versionItems = new VersionItemsCache(dataSource);
  const reportCells = new ReportCells(versionItems, settings.reportNow);
  return {
    skills: new SkillService(dataSource),
    lessons: new LessonService(dataSource),
    assessments,
    authoring: new AssessmentAuthoringService(dataSource, changes),
    organizations: new OrganizationService(dataSource, changes),
    apiKeys: new ApiKeyService(dataSource),
    embedKeys: new EmbedKeyService(dataSource, changes),
    audit: new AuditService(dataSource),
    attempts: new AttemptService(dataSource, assessments, versionItems, reportCells),
    webhooks: new WebhookService(dataSource, { allowHttp: settings.webhookAllowHttp ?? false }),
    teamReports: new TeamReportService(dataSource, settings.reportNow),
    subjectData: new SubjectDataService(dataSource, reportCells),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Everything one GraphQL request sees. Created per request; nothing in it outlives the request. */
export interface Context {
  /** Who is calling; decided from the request's credentials before execution. */
  principal: Principal;
  /** Identifies the request in logs; returned with unexpected errors. */
  requestId: string;
  /**
   * The locale of this operation: the `locale` argument, else the embed token's `locale` claim,
   * else `Accept-Language`, else the organisation's default locale, else English.
   */
  locale: Locale;
  services: Services;
  /** Per-request batching and caching of reads. */
  loaders: Loaders;
  logger: Logger;
}

/** The loaders' process-wide caches of what never changes. Created once per server. */
export function createLoaderCaches(shared: SharedReads) {
  return {
    skills: createSkillCaches(shared),
    lessons: createLessonCaches(shared),
    assessments: createAssessmentCaches(shared),
  };
}

export type LoaderCaches = ReturnType<typeof createLoaderCaches>;

/** A request's loaders: its own batching, reading through the process-wide `caches`. */
export function createLoaders(dataSource: DataSource, caches: LoaderCaches) {
  return {
    ...createSkillLoaders(dataSource, caches.skills),
    ...createLessonLoaders(dataSource, caches.lessons),
    ...createAssessmentLoaders(dataSource, caches.assessments),
    ...createAttemptLoaders(dataSource),
  };
}
