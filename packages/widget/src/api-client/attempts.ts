import { ok } from "@real-skills/shared";
import type { Locale, Result } from "@real-skills/shared";
import type { TokenProvider } from "../config.js";
import type { ApiError } from "./api-error.js";
import {
  ATTEMPT_QUERY,
  HISTORY_QUERY,
  SAVE_ANSWER,
  START_ATTEMPT,
  SUBMIT_ATTEMPT,
} from "./attempt-documents.js";
import type {
  AttemptData,
  AttemptResultData,
  HistoryAttempt,
  SaveAnswerInput,
} from "./attempt-documents.js";
import { authorizedRequest } from "./authorized-request.js";
import { toApiLocale } from "./locale.js";

/** Where and as whom the employee's operations go. */
export interface Session {
  endpoint: string;
  locale: Locale;
  getToken: TokenProvider | undefined;
}

/** Resumes the employee's open attempt on the assessment, or starts one. */
export async function startAttempt(
  session: Session,
  slug: string,
): Promise<Result<AttemptData, ApiError>> {
  const variables = { slug, locale: toApiLocale(session.locale) };
  const result = await request(session, START_ATTEMPT, variables);
  return result.ok ? ok(result.value.startAttempt) : result;
}

/** One of the employee's own attempts; `null` when it is not theirs (or no longer exists). */
export async function fetchAttempt(
  session: Session,
  id: string,
): Promise<Result<AttemptData | null, ApiError>> {
  const result = await request(session, ATTEMPT_QUERY, { id, locale: toApiLocale(session.locale) });
  return result.ok ? ok(result.value.attempt) : result;
}

export function saveAnswer(
  session: Session,
  input: SaveAnswerInput,
): Promise<Result<unknown, ApiError>> {
  return request(session, SAVE_ANSWER, { input });
}

export async function submitAttempt(
  session: Session,
  attemptId: string,
  idempotencyKey: string,
): Promise<Result<AttemptResultData, ApiError>> {
  const variables = { input: { attemptId, idempotencyKey }, locale: toApiLocale(session.locale) };
  const result = await request(session, SUBMIT_ATTEMPT, variables);
  return result.ok ? ok(result.value.submitAttempt) : result;
}

/** The employee's submitted attempts, newest first, optionally of one assessment. */
export async function fetchHistory(
  session: Session,
  assessment: string | undefined,
  signal?: AbortSignal,
): Promise<Result<HistoryAttempt[], ApiError>> {
  const variables = { assessment: assessment ?? null, locale: toApiLocale(session.locale) };
  const result = await request(session, HISTORY_QUERY, variables, signal);
  return result.ok ? ok(result.value.myAttempts.nodes) : result;
}

function request<TData, TVariables extends Record<string, unknown>>(
  session: Session,
  document: Parameters<typeof authorizedRequest<TData, TVariables>>[1],
  variables: TVariables,
  signal?: AbortSignal,
): Promise<Result<TData, ApiError>> {
  return authorizedRequest(session.endpoint, document, variables, session.getToken, signal);
}
