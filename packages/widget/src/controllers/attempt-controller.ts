import type { ReactiveController, ReactiveControllerHost } from "lit";
import { ERROR_CODES, WIDGET_EVENTS } from "@real-skills/shared";
import {
  currentToken,
  fetchAttempt,
  isTransient,
  readClaims,
  saveAnswer,
  startAttempt,
  submitAttempt,
} from "../api-client/index.js";
import type {
  ApiError,
  AttemptData,
  AttemptItem,
  AttemptResultData,
  Session,
} from "../api-client/index.js";
import { dispatchWidgetEvent } from "../events.js";
import { newIdempotencyKey, outboxKey } from "../outbox/keys.js";
import { isAnswered, Outbox } from "../outbox/outbox.js";
import type { AnswerValue, AttemptRecord } from "../outbox/outbox.js";
import { RetryLoop } from "../outbox/retry-loop.js";
import type { StepOutcome } from "../outbox/retry-loop.js";
import { browserStorage } from "../outbox/storage.js";
import type { SettingsController } from "./settings-controller.js";

export type AssessmentView =
  | { name: "loading" }
  | { name: "signin" }
  | { name: "failed"; error: ApiError }
  | { name: "intro" }
  /** One item per step, then the review; `step` says which. */
  | { name: "steps" }
  | { name: "submitting" }
  | { name: "result"; result: AttemptResultData };

/** Where the employee's answers are: on their way, with the API, or only on this device. */
export type SyncState = "idle" | "saving" | "saved" | "offline";

export interface AssessmentHost extends ReactiveControllerHost, EventTarget {
  slug: string;
}

/**
 * The flow of one assessment: resume or start the attempt, record each answer in the outbox and
 * send it, submit once, show the result. Sending runs in a {@link RetryLoop}, so answers given
 * offline go out, in order, as soon as the API can be reached again.
 */
export class AttemptController implements ReactiveController {
  view: AssessmentView = { name: "loading" };
  /** An item index, or the item count for the review. */
  step = 0;
  sync: SyncState = "idle";
  /** Why the last submit was refused, shown on the review until the next one. */
  submitError: ApiError | undefined;
  /** Set when "Take it again" met the organisation's retake cooldown. */
  retakeRefused = false;
  record: AttemptRecord | undefined;

  private session: Session | undefined;
  private outbox: Outbox | undefined;
  private slug = "";
  private resultAttemptId: string | undefined;
  private loadKey: unknown[] = [];
  /** Bumped by every (re)load, so that answers to an older one are dropped. */
  private generation = 0;
  private readonly loop = new RetryLoop(() => this.sendNext());
  private readonly kick = (): void => {
    this.loop.kick();
  };

  constructor(
    private readonly host: AssessmentHost,
    private readonly settings: SettingsController,
  ) {
    host.addController(this);
  }

  get items(): AttemptItem[] {
    return this.record?.assessment.items ?? [];
  }

  answerOf(itemId: string): AnswerValue | undefined {
    return this.record?.answers[itemId];
  }

  get answeredCount(): number {
    return this.items.filter((item) => isAnswered(this.answerOf(item.id))).length;
  }

  isComplete(item: AttemptItem): boolean {
    return !item.required || isAnswered(this.answerOf(item.id));
  }

  hostConnected(): void {
    window.addEventListener("online", this.kick);
    this.loop.kick();
  }

  hostDisconnected(): void {
    window.removeEventListener("online", this.kick);
    this.loop.stop();
  }

  hostUpdate(): void {
    const { endpoint, locale, getToken } = this.settings;
    const key = [endpoint, this.host.slug.trim(), locale, getToken];
    if (key.every((part, index) => part === this.loadKey[index])) return;
    this.loadKey = key;
    void this.load();
  }

  /** Loads again from the start, e.g. after an error or a sign-in. */
  readonly retry = (): void => {
    void this.load();
  };

  /** The intro's button: on to the first unanswered item. */
  begin(): void {
    const items = this.items;
    const resumed = this.answeredCount > 0;
    const first = items.findIndex((item) => !isAnswered(this.answerOf(item.id)));
    this.goTo(first === -1 ? items.length : first);
    this.announceStart(resumed);
  }

  goTo(step: number): void {
    this.step = Math.max(0, Math.min(step, this.items.length));
    this.view = { name: "steps" };
    this.outbox?.setStep(this.slug, this.step);
    this.host.requestUpdate();
  }

  answer(itemId: string, value: AnswerValue): void {
    const { outbox, record } = this;
    if (!outbox || !record) return;
    outbox.answer(this.slug, itemId, value);
    this.record = outbox.get(this.slug);
    if (this.sync !== "offline") this.sync = "saving";
    this.host.requestUpdate();
    dispatchWidgetEvent(this.host, WIDGET_EVENTS.answer, {
      assessmentSlug: this.slug,
      attemptId: record.attemptId,
      itemId,
      answeredCount: this.answeredCount,
      itemCount: this.items.length,
    });
    this.loop.kick();
  }

  submit(): void {
    if (!this.outbox || !this.items.every((item) => this.isComplete(item))) return;
    this.outbox.submitKey(this.slug, newIdempotencyKey);
    this.record = this.outbox.get(this.slug);
    this.submitError = undefined;
    this.view = { name: "submitting" };
    this.host.requestUpdate();
    this.loop.kick();
  }

  async retake(): Promise<void> {
    const { session } = this;
    if (!session) return;
    const generation = ++this.generation;
    const started = await startAttempt(session, this.slug);
    if (generation !== this.generation) return;
    if (!started.ok) {
      this.retakeRefused = started.error.code === ERROR_CODES.RETAKE_COOLDOWN;
      if (!this.retakeRefused) this.fail(started.error);
      this.host.requestUpdate();
      return;
    }
    this.open(started.value);
    this.goTo(0);
    this.announceStart(started.value.answers.length > 0);
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    const shownResult = this.view.name === "result" ? this.resultAttemptId : undefined;
    this.loop.stop();
    this.view = { name: "loading" };
    this.sync = "idle";
    this.outbox = undefined;
    this.retakeRefused = false;
    this.slug = this.host.slug.trim();
    const { endpoint, locale, getToken } = this.settings;
    const session: Session = { endpoint, locale, getToken };
    this.session = session;
    this.host.requestUpdate();

    if (!this.slug) {
      this.fail({ code: ERROR_CODES.BAD_USER_INPUT, message: "<rs-assessment> needs a slug" });
      return;
    }
    const token = await currentToken(getToken);
    if (generation !== this.generation) return;
    if (!token.ok) {
      this.fail(token.error);
      return;
    }
    const subject = readClaims(token.value).sub ?? "";
    const outbox = new Outbox(browserStorage(), outboxKey(endpoint, subject));
    this.outbox = outbox;

    // The language changed while a result was shown: the same result, in the new language.
    if (shownResult) {
      await this.showAttempt(shownResult);
      return;
    }
    const stored = outbox.get(this.slug);
    if (stored?.submitKey) {
      // A submit was on its way when the page closed; send it again with the same key.
      this.record = stored;
      this.view = { name: "submitting" };
      this.loop.kick();
      return;
    }
    const started = await startAttempt(session, this.slug);
    if (generation !== this.generation) return;
    if (started.ok) {
      this.open(started.value);
    } else if (stored && isTransient(started.error)) {
      // Offline, but this device knows the attempt: carry on, and send when the API is back.
      this.record = stored;
      this.sync = "offline";
    } else {
      this.fail(started.error);
      return;
    }
    const step = this.record?.step;
    if (step === undefined) this.view = { name: "intro" };
    else this.goTo(step);
    this.host.requestUpdate();
    this.loop.kick();
  }

  private open(attempt: AttemptData): void {
    this.record = this.outbox?.open(this.slug, attempt);
  }

  /** Shows an attempt's result, e.g. when it was submitted in another tab or device. */
  private async showAttempt(attemptId: string): Promise<StepOutcome> {
    const { session } = this;
    if (!session) return "idle";
    const generation = this.generation;
    const loaded = await fetchAttempt(session, attemptId);
    if (generation !== this.generation) return "idle";
    if (!loaded.ok) {
      if (isTransient(loaded.error)) return "retry";
      this.fail(loaded.error);
      return "idle";
    }
    const result = loaded.value?.result;
    if (!result) {
      // Gone (erased) or not submitted after all: start over with the open attempt.
      this.outbox?.remove(this.slug);
      void this.load();
      return "idle";
    }
    this.finish(result, attemptId, false);
    return "sent";
  }

  private finish(result: AttemptResultData, attemptId: string, submittedHere: boolean): void {
    this.outbox?.remove(this.slug);
    this.record = undefined;
    this.resultAttemptId = attemptId;
    this.view = { name: "result", result };
    this.sync = "idle";
    this.host.requestUpdate();
    if (!submittedHere) return;
    dispatchWidgetEvent(this.host, WIDGET_EVENTS.complete, {
      assessmentSlug: this.slug,
      attemptId,
      scores: result.scores.map(({ skill, score, band }) => ({ skill: skill.slug, score, band })),
    });
  }

  /** One step of the retry loop: the next unconfirmed answer, else a pending submit. */
  private async sendNext(): Promise<StepOutcome> {
    const { session, outbox, generation } = this;
    // The outbox, not `record`, says what is left: a finished attempt is gone from it.
    const record = outbox?.get(this.slug);
    if (!session || !outbox || !record) return "idle";
    const pending = outbox.nextPending(this.slug);
    if (pending) {
      const { itemId, answer } = pending;
      const { optionId, value, text, sequence } = answer;
      const input = { attemptId: record.attemptId, itemId, optionId, value, text, sequence };
      const outcome = await saveAnswer(session, input);
      if (generation !== this.generation) return "idle";
      if (outcome.ok || outcome.error.code === ERROR_CODES.BAD_USER_INPUT) {
        // A refused answer cannot become valid by resending it; it is reported and let go.
        outbox.acknowledge(this.slug, itemId, sequence);
        this.record = outbox.get(this.slug);
        if (!outcome.ok) this.report(outcome.error);
        this.setSync(outbox.nextPending(this.slug) ? "saving" : "saved");
        return "sent";
      }
      return this.failedToSend(outcome.error, record.attemptId);
    }
    if (!record.submitKey) return "idle";
    const submitted = await submitAttempt(session, record.attemptId, record.submitKey);
    if (generation !== this.generation) return "idle";
    if (submitted.ok) {
      this.finish(submitted.value, record.attemptId, true);
      return "sent";
    }
    if (submitted.error.code === ERROR_CODES.REQUIRED_ITEMS_MISSING) {
      outbox.dropSubmit(this.slug);
      this.record = outbox.get(this.slug);
      this.submitError = submitted.error;
      this.goTo(this.items.length);
      this.report(submitted.error);
      return "idle";
    }
    return this.failedToSend(submitted.error, record.attemptId);
  }

  private failedToSend(error: ApiError, attemptId: string): Promise<StepOutcome> | StepOutcome {
    if (isTransient(error)) {
      // Reported once per outage, not on every retry.
      if (this.sync !== "offline") this.report(error);
      this.setSync("offline");
      return "retry";
    }
    if (error.code === ERROR_CODES.ATTEMPT_SUBMITTED) return this.showAttempt(attemptId);
    if (error.code === ERROR_CODES.NOT_FOUND) this.outbox?.remove(this.slug);
    this.fail(error);
    return "idle";
  }

  private setSync(sync: SyncState): void {
    this.sync = sync;
    this.host.requestUpdate();
  }

  private announceStart(resumed: boolean): void {
    const attemptId = this.record?.attemptId;
    if (attemptId === undefined) return;
    dispatchWidgetEvent(this.host, WIDGET_EVENTS.start, {
      assessmentSlug: this.slug,
      attemptId,
      resumed,
    });
  }

  private fail(error: ApiError): void {
    this.view =
      error.code === ERROR_CODES.UNAUTHENTICATED ? { name: "signin" } : { name: "failed", error };
    this.host.requestUpdate();
    this.report(error);
  }

  private report(error: ApiError): void {
    dispatchWidgetEvent(this.host, WIDGET_EVENTS.error, {
      code: error.code,
      message: error.message,
    });
  }
}
