import type { ReactiveController, ReactiveControllerHost } from "lit";
import { ERROR_CODES, WIDGET_EVENTS } from "@real-skills/shared";
import { fetchAttempt, isTransient } from "../api-client/index.js";
import type { ApiError, AttemptItem, AttemptResultData, Session } from "../api-client/index.js";
import { dispatchWidgetEvent } from "../events.js";
import { newIdempotencyKey } from "../outbox/keys.js";
import { isAnswered } from "../outbox/outbox.js";
import type { AnswerValue, AttemptRecord, Outbox } from "../outbox/outbox.js";
import { RetryLoop } from "../outbox/retry-loop.js";
import type { StepOutcome } from "../outbox/retry-loop.js";
import { openOutbox, restartAttempt, resumeAttempt } from "./attempt-resume.js";
import { sendNextFromOutbox } from "./outbox-send.js";
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
  /** Set when "Take it again" met the organisation's retake cooldown; says until when. */
  retakeRefusal: ApiError | undefined;
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
    // Until the token tells the employee's language, there is nothing to ask for in it.
    if (!this.settings.ready) return;
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

  /**
   * Keeps a text that is still being typed in the outbox without sending it or announcing it:
   * a closed tab or a reload finds it there, and the send loop takes it along with the next
   * answer or when the employee leaves the field (`answer`).
   */
  keepDraft(itemId: string, value: AnswerValue): void {
    if (!this.outbox || !this.record) return;
    this.outbox.answer(this.slug, itemId, value);
    this.record = this.outbox.get(this.slug);
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
    const { session, outbox } = this;
    if (!session || !outbox) return;
    const generation = ++this.generation;
    const started = await restartAttempt(session, outbox, this.slug);
    if (generation !== this.generation) return;
    if (!started.ok) {
      const cooldown = started.error.code === ERROR_CODES.RETAKE_COOLDOWN;
      this.retakeRefusal = cooldown ? started.error : undefined;
      if (!cooldown) this.fail(started.error);
      this.host.requestUpdate();
      return;
    }
    this.record = started.value.record;
    this.goTo(0);
    this.announceStart(started.value.resumed);
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    const shownResult = this.view.name === "result" ? this.resultAttemptId : undefined;
    this.loop.stop();
    this.view = { name: "loading" };
    this.sync = "idle";
    this.outbox = undefined;
    this.retakeRefusal = undefined;
    this.slug = this.host.slug.trim();
    const { endpoint, locale, getToken } = this.settings;
    const session: Session = { endpoint, locale, getToken };
    this.session = session;
    this.host.requestUpdate();

    if (!this.slug) {
      this.fail({ code: ERROR_CODES.BAD_USER_INPUT, message: "<rs-assessment> needs a slug" });
      return;
    }
    const opened = await openOutbox(session);
    if (generation !== this.generation) return;
    if (!opened.ok) {
      this.fail(opened.error);
      return;
    }
    this.outbox = opened.value;
    // The language changed while a result was shown: the same result, in the new language.
    if (shownResult) {
      await this.showAttempt(shownResult);
      return;
    }
    const resumed = await resumeAttempt(session, opened.value, this.slug);
    if (generation !== this.generation) return;
    if (resumed.kind === "failed") {
      this.fail(resumed.error);
      return;
    }
    this.record = resumed.record;
    if (resumed.kind === "submitting") {
      this.view = { name: "submitting" };
    } else {
      if (resumed.kind === "offline") this.sync = "offline";
      const step = resumed.record.step;
      if (step === undefined) this.view = { name: "intro" };
      else this.goTo(step);
    }
    this.host.requestUpdate();
    this.loop.kick();
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

  /** One step of the retry loop: sends what the outbox holds and shows what came of it. */
  private async sendNext(): Promise<StepOutcome> {
    const { session, outbox, generation } = this;
    if (!session || !outbox) return "idle";
    const sent = await sendNextFromOutbox(session, outbox, this.slug);
    if (generation !== this.generation) return "idle";
    switch (sent.kind) {
      case "idle":
        return "idle";
      case "answer":
        this.record = outbox.get(this.slug);
        if (sent.refused) this.report(sent.refused);
        this.setSync(sent.morePending ? "saving" : "saved");
        return "sent";
      case "result":
        this.finish(sent.result, sent.attemptId, true);
        return "sent";
      case "transient":
        // Reported once per outage, not on every retry.
        if (this.sync !== "offline") this.report(sent.error);
        this.setSync("offline");
        return "retry";
      case "submitted-elsewhere":
        return this.showAttempt(sent.attemptId);
      case "submit-refused":
        this.record = outbox.get(this.slug);
        this.submitError = sent.error;
        this.goTo(this.items.length);
        this.report(sent.error);
        return "idle";
      case "failed":
        if (sent.error.code === ERROR_CODES.NOT_FOUND) outbox.remove(this.slug);
        this.fail(sent.error);
        return "idle";
    }
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
