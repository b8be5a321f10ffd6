import { html, LitElement, nothing } from "lit";
import type { TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import { ERROR_CODES } from "@real-skills/shared";
import type { ApiError, LessonContent } from "../../api-client/index.js";
import type { TokenProvider } from "../../config.js";
import { AttemptController } from "../../controllers/attempt-controller.js";
import { SettingsController } from "../../controllers/settings-controller.js";
import { formatDay, messagesFor } from "../../i18n/index.js";
import type { Messages } from "../../i18n/index.js";
import { renderLessonContent } from "../lesson-content/lesson-content.js";
import { renderError, renderLoading, renderSignIn } from "../states/states.js";
import { renderIntro } from "./intro-view.js";
import { renderProgress } from "./progress-view.js";
import type { Progress } from "./progress-view.js";
import { renderResult } from "./result-view.js";
import { renderReview } from "./review-view.js";
import { rsAssessmentStyles } from "./rs-assessment.styles.js";
import { renderStep } from "./step-view.js";

/**
 * A micro-assessment for the signed-in employee: an intro, one question per step with its
 * progress, a review of all answers, then the result per skill with feedback, a next step and
 * recommended lessons. Every answer is kept on the device before it is sent, so a lost
 * connection or a closed tab loses nothing; a reload resumes at the same question.
 *
 * @attr slug - The assessment to take, e.g. `decision-quality`.
 * @attr endpoint - GraphQL endpoint; overrides `configure({ endpoint })`.
 * @attr locale - Language of texts and content (`en`, `de`, or a tag such as `de-CH`); overrides
 *   `configure({ locale })`, the embed token's `locale` claim and the browser's languages.
 * @attr theme - `light` or `dark` pins the colour scheme; without it the element follows the
 *   system's preference.
 * @prop {string} slug - Reflects the `slug` attribute.
 * @prop {string | undefined} endpoint - Reflects the `endpoint` attribute.
 * @prop {string | undefined} locale - Reflects the `locale` attribute.
 * @prop {"light" | "dark" | undefined} theme - Reflects the `theme` attribute.
 * @prop {(() => string | Promise<string>) | undefined} getToken - Returns an embed token for the
 *   employee; overrides `configure({ getToken })`. A property only: tokens never go into
 *   attributes. Without one the element asks the employee to sign in.
 *
 * @fires rs-start - The employee started or resumed the attempt from the intro;
 *   `detail: { assessmentSlug, attemptId, resumed }`.
 * @fires rs-answer - The employee answered a question (kept on the device, then sent);
 *   `detail: { assessmentSlug, attemptId, itemId, answeredCount, itemCount }`, never the answer.
 * @fires rs-complete - The attempt was submitted and scored;
 *   `detail: { assessmentSlug, attemptId, scores: [{ skill, score, band }] }`.
 * @fires rs-error - No token, a refused token (`UNAUTHENTICATED`), or loading or sending failed
 *   (`NETWORK_ERROR` once per outage while answers wait on the device); `detail: { code, message }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart intro - The intro: title, description, duration, privacy note and start button.
 * @csspart title - The heading of the intro, the review and the result.
 * @csspart description - What the assessment measures.
 * @csspart meta - Duration and number of questions.
 * @csspart privacy - Who sees the answers and results.
 * @csspart start-button - Starts or resumes the attempt.
 * @csspart progress - "Question 3 of 7" and the save state (a live region).
 * @csspart progress-bar - The `<progress>` bar under it.
 * @csspart sync - The save state: saving, saved, or kept on this device.
 * @csspart question - The fieldset of one question.
 * @csspart prompt - The question's legend.
 * @csspart choices - The group of answer options.
 * @csspart choice - One answer option (a label around a radio button).
 * @csspart hint - The "optional" note of a reflection question.
 * @csspart textarea - The text field of a reflection question.
 * @csspart back-button - Goes one step back, or from a lesson back to the result.
 * @csspart next-button - Goes on to the next question or back to the review.
 * @csspart review - The review of all answers before submitting.
 * @csspart review-list - The list of questions with their answers.
 * @csspart review-item - One question and its answer in the review.
 * @csspart change-button - Goes back to one question to change its answer.
 * @csspart submit-button - Submits the answers.
 * @csspart result - The result: chart, scores, feedback and lessons.
 * @csspart chart - The SVG bar chart of the scores.
 * @csspart score-list - The scores, one per skill.
 * @csspart score - One skill's score, band, feedback and next step.
 * @csspart skill-name - The skill's heading in its score.
 * @csspart band - The band's name (emerging, developing, strong).
 * @csspart next-step - One thing to try this week.
 * @csspart recommended - The recommended lessons with their heading.
 * @csspart lesson-list - The list of recommended lessons.
 * @csspart lesson-button - Opens a recommended lesson inside the element.
 * @csspart retake-button - Starts the assessment again.
 * @csspart lesson - The open lesson (an `<article>`), with the lesson parts of `<rs-lesson>`.
 * @csspart lesson-title - The open lesson's heading.
 * @csspart lesson-meta - Skill name and reading time of the open lesson.
 * @csspart section - Each section of the open lesson; each also has its own name, below.
 * @csspart key-idea - The key idea section, highlighted.
 * @csspart why-it-matters - The section on why the skill matters.
 * @csspart practice - The practice for this week.
 * @csspart reflection - The question to reflect on.
 * @csspart section-heading - The heading of a lesson section.
 * @csspart status - Loading, sending and other status messages.
 * @csspart sign-in - The message shown when the employee is not signed in.
 * @csspart error - An error message.
 * @csspart retry-button - Tries again after an error or a sign-in.
 *
 * @cssprop --rs-font-family - Font stack (default: the system UI font).
 * @cssprop --rs-font-size - Base size; everything else scales in `em` (default `16px`).
 * @cssprop --rs-color-text - Body text.
 * @cssprop --rs-color-muted - Secondary text such as progress and hints.
 * @cssprop --rs-color-surface - Background.
 * @cssprop --rs-color-border - Outlines of options, lesson buttons and the text field; lines
 *   between answers and scores and the chart's tracks use a lighter mix.
 * @cssprop --rs-color-accent - Buttons, the chosen option, progress and chart bars.
 * @cssprop --rs-color-on-accent - Text on accent-coloured buttons.
 * @cssprop --rs-color-danger - Marks error messages.
 * @cssprop --rs-color-focus - Focus ring (default: the accent colour).
 * @cssprop --rs-radius - Corner radius.
 */
export class RsAssessment extends LitElement {
  static override styles = rsAssessmentStyles;

  @property() slug = "";
  @property() endpoint: string | undefined;
  @property() locale: string | undefined;
  @property({ reflect: true }) theme: "light" | "dark" | undefined;
  @property({ attribute: false }) getToken: TokenProvider | undefined;

  /** A recommended lesson shown in place of the result. */
  @state() private lesson: LessonContent | undefined;
  /** Set when a question was opened from the review: Next leads back there. */
  @state() private returnToReview = false;

  /** Set by the employee's actions: focus follows them to the next heading or question. */
  private focusPending = false;

  private readonly settings = new SettingsController(this, { usesToken: true });
  private readonly flow = new AttemptController(this, this.settings);

  override render(): TemplateResult {
    const locale = this.settings.locale;
    const messages = messagesFor(locale);
    return html`<div class="base" part="base" lang=${locale}>
      ${renderProgress(this.progress(), messages)}${this.renderView(messages)}
    </div>`;
  }

  override updated(): void {
    if (!this.focusPending) return;
    const target = this.renderRoot.querySelector<HTMLElement>("[data-focus], .lesson-title");
    if (!target) return;
    target.focus();
    this.focusPending = false;
  }

  /** What the live region says in the current view. */
  private progress(): Progress {
    const { flow } = this;
    const { sync, step, items } = flow;
    if (flow.view.name === "submitting") return { kind: "sending", sync };
    if (flow.view.name !== "steps") return { kind: "none" };
    return step < items.length
      ? { kind: "question", position: step + 1, total: items.length, sync }
      : { kind: "review", sync };
  }

  private renderView(messages: Messages): TemplateResult | typeof nothing {
    const { flow } = this;
    const view = flow.view;
    switch (view.name) {
      case "loading":
        return renderLoading(messages);
      case "signin":
        return renderSignIn(messages, flow.retry);
      case "failed": {
        // The organisation's retake cooldown is not a failure to the employee, just a wait.
        const cooldown = view.error.code === ERROR_CODES.RETAKE_COOLDOWN;
        const headline = cooldown
          ? this.cooldownText(view.error, messages)
          : messages.assessmentLoadFailed;
        return renderError(messages, headline, view.error, flow.retry);
      }
      case "intro":
        return flow.record
          ? renderIntro(flow.record.assessment, flow.answeredCount > 0, messages, () => {
              this.act(() => {
                flow.begin();
              });
            })
          : renderLoading(messages);
      case "steps":
        return this.renderSteps(messages);
      case "submitting":
        // Said by the live region.
        return nothing;
      case "result":
        return this.lesson ? this.renderLesson(this.lesson, messages) : this.renderResult(messages);
    }
  }

  private renderSteps(messages: Messages): TemplateResult {
    const { flow } = this;
    const items = flow.items;
    const item = items[flow.step];
    if (!item) {
      return renderReview(
        {
          items,
          answerOf: (itemId) => flow.answerOf(itemId),
          complete: items.every((each) => flow.isComplete(each)),
          submitFailed: flow.submitError !== undefined,
          onChange: (index) => {
            this.returnToReview = true;
            this.act(() => {
              flow.goTo(index);
            });
          },
          onBack: () => {
            this.act(() => {
              flow.goTo(items.length - 1);
            });
          },
          onSubmit: () => {
            this.act(() => {
              flow.submit();
            });
          },
        },
        messages,
      );
    }
    return renderStep(
      {
        item,
        position: flow.step + 1,
        total: items.length,
        answer: flow.answerOf(item.id),
        complete: flow.isComplete(item),
        returnToReview: this.returnToReview,
        onAnswer: (value, typing) => {
          if (typing) flow.keepDraft(item.id, value);
          else flow.answer(item.id, value);
        },
        onBack: () => {
          this.act(() => {
            flow.goTo(flow.step - 1);
          });
        },
        onNext: () => {
          const next = this.returnToReview ? items.length : flow.step + 1;
          this.returnToReview = false;
          this.act(() => {
            flow.goTo(next);
          });
        },
      },
      messages,
    );
  }

  private renderResult(messages: Messages): TemplateResult {
    const { flow } = this;
    if (flow.view.name !== "result") return html``;
    return renderResult(
      {
        result: flow.view.result,
        retakeNotice: flow.retakeRefusal ? this.cooldownText(flow.retakeRefusal, messages) : "",
        onOpenLesson: (lesson) => {
          this.act(() => {
            this.lesson = lesson;
          });
        },
        onRetake: () => {
          // Focus moves once the new attempt is there, not to the result still on screen. A
          // refusal leaves it on the button, and the notice beside it is announced.
          void flow.retake().then(() => {
            if (flow.view.name !== "result") this.act(() => undefined);
          });
        },
      },
      messages,
    );
  }

  /** The retake cooldown in words: until which day, when the API said. */
  private cooldownText(error: ApiError, messages: Messages): string {
    return error.availableAt
      ? messages.retakeFrom(formatDay(error.availableAt, this.settings.locale))
      : messages.retakeLater;
  }

  private renderLesson(lesson: LessonContent, messages: Messages): TemplateResult {
    const close = (): void => {
      this.lesson = undefined;
      // Back where the employee left: the button of the lesson they just read.
      void this.updateComplete.then(() => {
        this.renderRoot
          .querySelector<HTMLElement>(`.lesson-button[data-slug="${CSS.escape(lesson.slug)}"]`)
          ?.focus();
      });
    };
    return html`
      <button type="button" class="button-quiet back-button" part="back-button" @click=${close}>
        <span aria-hidden="true">←</span> ${messages.backToResult}
      </button>
      ${renderLessonContent(lesson, messages)}
    `;
  }

  /** Runs an employee's action; focus then moves to what it brings up. */
  private act(action: () => void): void {
    this.focusPending = true;
    action();
    this.requestUpdate();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "rs-assessment": RsAssessment;
  }
}
