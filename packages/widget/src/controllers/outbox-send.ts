import { ERROR_CODES } from "@real-skills/shared";
import { isTransient, saveAnswer, submitAttempt } from "../api-client/index.js";
import type { ApiError, AttemptResultData, Session } from "../api-client/index.js";
import type { Outbox } from "../outbox/outbox.js";

/** What sending the next thing in the outbox came to. */
export type SendResult =
  /** Nothing is waiting. */
  | { kind: "idle" }
  /** An answer reached the API (or was refused as invalid, reported, and let go). */
  | { kind: "answer"; morePending: boolean; refused?: ApiError }
  | { kind: "result"; result: AttemptResultData; attemptId: string }
  /** No connection, or the API is busy: try again later. */
  | { kind: "transient"; error: ApiError }
  /** Answers can no longer change: the attempt was submitted elsewhere. */
  | { kind: "submitted-elsewhere"; attemptId: string }
  /** The submit came before every required answer had arrived; its key is dropped. */
  | { kind: "submit-refused"; error: ApiError }
  | { kind: "failed"; error: ApiError };

/**
 * Sends the next unconfirmed answer of the slug's attempt, else its pending submit, and records
 * the outcome in the outbox. Answers go before the submit, so a submit never overtakes them.
 */
export async function sendNextFromOutbox(
  session: Session,
  outbox: Outbox,
  slug: string,
): Promise<SendResult> {
  // The outbox, not what is on screen, says what is left: a finished attempt is gone from it.
  const record = outbox.get(slug);
  if (!record) return { kind: "idle" };
  const { attemptId } = record;
  const pending = outbox.nextPending(slug);
  if (pending) {
    const { itemId, answer } = pending;
    const { optionId, value, text, sequence } = answer;
    const saved = await saveAnswer(session, { attemptId, itemId, optionId, value, text, sequence });
    // A refused answer cannot become valid by resending it; it is reported and let go.
    if (saved.ok || saved.error.code === ERROR_CODES.BAD_USER_INPUT) {
      outbox.acknowledge(slug, itemId, sequence);
      const morePending = outbox.nextPending(slug) !== undefined;
      return saved.ok
        ? { kind: "answer", morePending }
        : { kind: "answer", morePending, refused: saved.error };
    }
    return classify(saved.error, attemptId);
  }
  if (!record.submitKey) return { kind: "idle" };
  const submitted = await submitAttempt(session, attemptId, record.submitKey);
  if (submitted.ok) {
    outbox.remove(slug);
    return { kind: "result", result: submitted.value, attemptId };
  }
  if (submitted.error.code === ERROR_CODES.REQUIRED_ITEMS_MISSING) {
    outbox.dropSubmit(slug);
    return { kind: "submit-refused", error: submitted.error };
  }
  return classify(submitted.error, attemptId);
}

function classify(error: ApiError, attemptId: string): SendResult {
  if (isTransient(error)) return { kind: "transient", error };
  if (error.code === ERROR_CODES.ATTEMPT_SUBMITTED)
    return { kind: "submitted-elsewhere", attemptId };
  return { kind: "failed", error };
}
