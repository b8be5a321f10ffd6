import { err, ok } from "@real-skills/shared";
import type { Result } from "@real-skills/shared";
import { currentToken, isTransient, readClaims, startAttempt } from "../api-client/index.js";
import type { ApiError, Session } from "../api-client/index.js";
import { outboxKey } from "../outbox/keys.js";
import { Outbox } from "../outbox/outbox.js";
import type { AttemptRecord } from "../outbox/outbox.js";
import { browserStorage } from "../outbox/storage.js";

/** How an assessment picks up on load. */
export type Resumed =
  /** A submit was on its way when the page closed: resend it, same key, and show its result. */
  | { kind: "submitting"; record: AttemptRecord }
  /** The API's open attempt, with this device's unsent answers laid over it. */
  | { kind: "open"; record: AttemptRecord }
  /** No connection, but this device knows the attempt: carry on and send later. */
  | { kind: "offline"; record: AttemptRecord }
  | { kind: "failed"; error: ApiError };

/**
 * The employee's outbox on this API. Its key needs the token's subject, so opening it is the
 * first thing that needs a token, and the first place a missing one shows.
 */
export async function openOutbox(session: Session): Promise<Result<Outbox, ApiError>> {
  const token = await currentToken(session.getToken);
  if (!token.ok) return token;
  const subject = readClaims(token.value).sub ?? "";
  return ok(new Outbox(browserStorage(), outboxKey(session.endpoint, subject)));
}

/** Resumes the slug's attempt from the outbox and `startAttempt`, as {@link Resumed} says. */
export async function resumeAttempt(
  session: Session,
  outbox: Outbox,
  slug: string,
): Promise<Resumed> {
  const stored = outbox.get(slug);
  // No startAttempt first: had the submit arrived, it would start a fresh attempt.
  if (stored?.submitKey) return { kind: "submitting", record: stored };
  const started = await startAttempt(session, slug);
  if (started.ok) return { kind: "open", record: outbox.open(slug, started.value) };
  if (stored && isTransient(started.error)) return { kind: "offline", record: stored };
  return { kind: "failed", error: started.error };
}

/** An attempt started afresh ("Take it again"), recorded in the outbox. */
export async function restartAttempt(
  session: Session,
  outbox: Outbox,
  slug: string,
): Promise<Result<{ record: AttemptRecord; resumed: boolean }, ApiError>> {
  const started = await startAttempt(session, slug);
  if (!started.ok) return err(started.error);
  const record = outbox.open(slug, started.value);
  return ok({ record, resumed: started.value.answers.length > 0 });
}
