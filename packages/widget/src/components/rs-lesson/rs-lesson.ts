import { html, LitElement } from "lit";
import type { TemplateResult } from "lit";
import { property } from "lit/decorators.js";
import { WIDGET_EVENTS } from "@real-skills/shared";
import { fetchLesson } from "../../api-client/index.js";
import { QueryController } from "../../controllers/query-controller.js";
import { SettingsController } from "../../controllers/settings-controller.js";
import { dispatchWidgetEvent } from "../../events.js";
import { messagesFor } from "../../i18n/index.js";
import type { Messages } from "../../i18n/index.js";
import { renderLessonState } from "../lesson-content/lesson-content.js";
import { renderNotice } from "../states/states.js";
import { rsLessonStyles } from "./rs-lesson.styles.js";

/**
 * One lesson: title, skill, reading time, key idea, why it matters, a practice for this week and
 * a question to reflect on. Loads again whenever `slug` or `locale` changes.
 *
 * @attr slug - The lesson to show. Without one, the element invites the reader to pick a lesson.
 * @attr endpoint - GraphQL endpoint; overrides `configure({ endpoint })`.
 * @attr locale - Language of texts and content (`en`, `de`, or a tag such as `de-CH`); overrides
 *   `configure({ locale })` and the browser's languages.
 * @attr theme - `light` or `dark` pins the colour scheme; without it the element follows the
 *   system's preference.
 * @prop {string} slug - Reflects the `slug` attribute.
 * @prop {string | undefined} endpoint - Reflects the `endpoint` attribute.
 * @prop {string | undefined} locale - Reflects the `locale` attribute.
 * @prop {"light" | "dark" | undefined} theme - Reflects the `theme` attribute.
 *
 * @fires rs-error - Loading the lesson failed; `detail: { code, message }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart lesson - The lesson (an `<article>`).
 * @csspart lesson-title - The lesson's heading.
 * @csspart lesson-meta - Skill name and reading time.
 * @csspart section - Each section of the lesson; each also has its own name, below.
 * @csspart key-idea - The key idea section, highlighted.
 * @csspart why-it-matters - The section on why the skill matters.
 * @csspart practice - The practice for this week.
 * @csspart reflection - The question to reflect on.
 * @csspart section-heading - The heading of a section.
 * @csspart status - The loading, "not found" and "no lesson chosen" messages.
 * @csspart error - The error message box.
 * @csspart retry-button - The button that loads again after an error.
 *
 * @cssprop --rs-font-family - Font stack (default: the system UI font).
 * @cssprop --rs-font-size - Base size; everything else scales in `em` (default `16px`).
 * @cssprop --rs-color-text - Body text.
 * @cssprop --rs-color-muted - Secondary text such as the reading time.
 * @cssprop --rs-color-surface - Background.
 * @cssprop --rs-color-accent - Buttons and the key idea's highlight.
 * @cssprop --rs-color-on-accent - Text on accent-coloured buttons.
 * @cssprop --rs-color-danger - Marks error messages.
 * @cssprop --rs-color-focus - Focus ring (default: the accent colour).
 * @cssprop --rs-radius - Corner radius.
 */
export class RsLesson extends LitElement {
  static override styles = rsLessonStyles;

  @property() slug = "";
  @property() endpoint: string | undefined;
  @property() locale: string | undefined;
  @property({ reflect: true }) theme: "light" | "dark" | undefined;

  private readonly settings = new SettingsController(this);

  private readonly lesson = new QueryController(this, {
    args: () => {
      const slug = this.slug.trim();
      return slug === ""
        ? undefined
        : ([this.settings.endpoint, slug, this.settings.locale] as const);
    },
    run: ([endpoint, slug, locale], signal) => fetchLesson(endpoint, slug, locale, { signal }),
    onError: (error) => {
      dispatchWidgetEvent(this, WIDGET_EVENTS.error, { code: error.code, message: error.message });
    },
  });

  override render(): TemplateResult {
    const locale = this.settings.locale;
    const messages = messagesFor(locale);
    const loading = this.lesson.state.status === "loading";
    return html`
      <div class="base" part="base" lang=${locale} aria-busy=${loading ? "true" : "false"}>
        ${this.renderState(messages)}
      </div>
    `;
  }

  private renderState(messages: Messages): TemplateResult {
    return renderLessonState(this.lesson.state, messages, {
      idle: renderNotice(messages.noLessonSelected),
      onRetry: () => {
        this.lesson.retry();
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "rs-lesson": RsLesson;
  }
}
