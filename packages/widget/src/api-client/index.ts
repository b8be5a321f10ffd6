import { ok } from "@real-skills/shared";
import type { Locale, Result } from "@real-skills/shared";
import type { ApiError } from "./api-error.js";
import { LESSON_QUERY, LIBRARY_QUERY } from "./documents.js";
import type { LessonContent, LibrarySkill } from "./documents.js";
import { graphqlRequest } from "./graphql-request.js";
import type { RequestOptions } from "./graphql-request.js";
import { toApiLocale } from "./locale.js";

export { CLIENT_ERROR_CODES, isTransient } from "./api-error.js";
export type { ApiError, ApiErrorCode, ClientErrorCode } from "./api-error.js";
export { LESSON_QUERY, LIBRARY_QUERY } from "./documents.js";
export type { ApiLocale, LessonContent, LibraryLesson, LibrarySkill } from "./documents.js";
export { graphqlRequest, readGraphqlBody } from "./graphql-request.js";
export type { RequestOptions, TypedDocument } from "./graphql-request.js";
export { toApiLocale } from "./locale.js";
export { readClaims } from "./jwt.js";
export { currentToken } from "./token-cache.js";
export { authorizedRequest } from "./authorized-request.js";
export { fetchAttempt, fetchHistory, saveAnswer, startAttempt, submitAttempt } from "./attempts.js";
export type { Session } from "./attempts.js";
export { fetchTeamReport } from "./team-report.js";
export { TEAM_REPORT_QUERY } from "./report-documents.js";
export type {
  ReportGroup,
  ReportGrouping,
  ReportSkill,
  ReportTrendPoint,
  TeamReport,
  TeamReportInput,
} from "./report-documents.js";
export type {
  AttemptAssessment,
  AttemptData,
  AttemptItem,
  AttemptResultData,
  HistoryAttempt,
  SavedAnswer,
  SaveAnswerInput,
  SkillScoreData,
} from "./attempt-documents.js";

export async function fetchLibrary(
  endpoint: string,
  locale: Locale,
  options?: RequestOptions,
): Promise<Result<LibrarySkill[], ApiError>> {
  const result = await graphqlRequest(
    endpoint,
    LIBRARY_QUERY,
    { locale: toApiLocale(locale) },
    options,
  );
  return result.ok ? ok(result.value.skills.nodes) : result;
}

/** The lesson, or `null` when no lesson has that slug. */
export async function fetchLesson(
  endpoint: string,
  slug: string,
  locale: Locale,
  options?: RequestOptions,
): Promise<Result<LessonContent | null, ApiError>> {
  const variables = { slug, locale: toApiLocale(locale) };
  const result = await graphqlRequest(endpoint, LESSON_QUERY, variables, options);
  return result.ok ? ok(result.value.lesson) : result;
}
