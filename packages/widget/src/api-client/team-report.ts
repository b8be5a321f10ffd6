import { ok } from "@real-skills/shared";
import type { Result } from "@real-skills/shared";
import type { ApiError } from "./api-error.js";
import type { Session } from "./attempts.js";
import { authorizedRequest } from "./authorized-request.js";
import { toApiLocale } from "./locale.js";
import { TEAM_REPORT_QUERY } from "./report-documents.js";
import type { TeamReport, TeamReportInput } from "./report-documents.js";

/** The aggregate report of one assessment, with the session's (analyst) token. */
export async function fetchTeamReport(
  session: Session,
  input: TeamReportInput,
  signal?: AbortSignal,
): Promise<Result<TeamReport, ApiError>> {
  const variables = { input, locale: toApiLocale(session.locale) };
  const result = await authorizedRequest(
    session.endpoint,
    TEAM_REPORT_QUERY,
    variables,
    session.getToken,
    signal,
  );
  return result.ok ? ok(result.value.teamReport) : result;
}
