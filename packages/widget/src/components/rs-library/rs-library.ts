import { html, LitElement } from "lit";
import type { TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import { WIDGET_EVENTS } from "@real-skills/shared";
import { fetchLesson, fetchLibrary } from "../../api-client/index.js";
import type { ApiError } from "../../api-client/index.js";
import { QueryController } from "../../controllers/query-controller.js";
import { SettingsController } from "../../controllers/settings-controller.js";
import { dispatchWidgetEvent } from "../../events.js";
import { messagesFor } from "../../i18n/index.js";
import type { Messages } from "../../i18n/index.js";
import { LESSON_TITLE_ID, renderLessonState } from "../lesson-content/lesson-content.js";
import { renderError, renderLoading, renderNotice } from "../states/states.js";
import { rsLibraryStyles } from "./rs-library.styles.js";
import { renderSkillList } from "./skill-list.js";

/**
 * The skills library: every skill with its lessons. Opening a lesson shows it in place, with a
 * button back to the list.
 *
 * @attr endpoint - GraphQL endpoint; overrides `configure({ endpoint })`.
 * @attr locale - Language of texts and content (`en`, `de`, or a tag such as `de-CH`); overrides
 *   `configure({ locale })` and the browser's languages.
 * @attr theme - `light` or `dark` pins the colour scheme; without it the element follows the
 *   system's preference.
 * @prop {string | undefined} endpoint - Reflects the `endpoint` attribute.
 * @prop {string | undefined} locale - Reflects the `locale` attribute.
 * @prop {"light" | "dark" | undefined} theme - Reflects the `theme` attribute.
 *
 * @fires rs-lesson-open - The reader opened a lesson; `detail: { slug }`. Cancelable: call
 *   `preventDefault()` to show the lesson elsewhere instead of inside the library.
 * @fires rs-error - Loading the library or a lesson failed; `detail: { code, message }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart skill-list - The list of skills.
 * @csspart skill - One skill: name, summary and lessons.
 * @csspart skill-name - The skill's heading.
 * @csspart skill-summary - The skill's short description.
 * @csspart skill-meta - The number of lessons.
 * @csspart lesson-list - The lessons of one skill.
 * @csspart lesson-button - The button that opens a lesson.
 * @csspart back-button - The button that returns from a lesson to the list.
 * @csspart lesson - The open lesson (an `<article>`).
 * @csspart lesson-title - The open lesson's heading.
 * @csspart lesson-meta - Skill name and reading time of the open lesson.
 * @csspart section - Each section of a lesson; each also has its own name, below.
 * @csspart key-idea - The key idea section, highlighted.
 * @csspart why-it-matters - The section on why the skill matters.
 * @csspart practice - The practice for this week.
 * @csspart reflection - The question to reflect on.
 * @csspart section-heading - The heading of a lesson section.
 * @csspart status - The loading and empty messages.
 * @csspart error - The error message box.
 * @csspart retry-button - The button that loads again after an error.
 *
 * @cssprop --rs-font-family - Font stack (default: the system UI font).
 * @cssprop --rs-font-size - Base size; everything else scales in `em` (default `16px`).
 * @cssprop --rs-color-text - Body text.
 * @cssprop --rs-color-muted - Secondary text such as reading times.
 * @cssprop --rs-color-surface - Background.
 * @cssprop --rs-color-border - Outlines of lesson buttons; lines between skills use a lighter mix.
 * @cssprop --rs-color-accent - Links, buttons and highlights.
 * @cssprop --rs-color-on-accent - Text on accent-coloured buttons.
 * @cssprop --rs-color-danger - Marks error messages.
 * @cssprop --rs-color-focus - Focus ring (default: the accent colour).
 * @cssprop --rs-radius - Corner radius.
 */
export class RsLibrary extends LitElement {
  static override styles = rsLibraryStyles;

  @property() endpoint: string | undefined;
  @property() locale: string | undefined;
  @property({ reflect: true }) theme: "light" | "dark" | undefined;

  /** The lesson shown in place of the list, if any. */
  @state() private openSlug: string | undefined;

  /** Set when a lesson opens: focus follows the reader into the lesson once it is rendered. */
  private focusLessonPending = false;

  private readonly settings = new SettingsController(this);

  private readonly library = new QueryController(this, {
    args: () => [this.settings.endpoint, this.settings.locale] as const,
    run: ([endpoint, locale], signal) => fetchLibrary(endpoint, locale, { signal }),
    onError: (error) => {
      this.reportError(error);
    },
  });

  private readonly lesson = new QueryController(this, {
    args: () =>
      this.openSlug === undefined
        ? undefined
        : ([this.settings.endpoint, this.openSlug, this.settings.locale] as const),
    run: ([endpoint, slug, locale], signal) => fetchLesson(endpoint, slug, locale, { signal }),
    onError: (error) => {
      this.reportError(error);
    },
  });

  override render(): TemplateResult {
    const locale = this.settings.locale;
    const messages = messagesFor(locale);
    return html`
      <div class="base" part="base" lang=${locale}>
        ${this.openSlug === undefined ? this.renderLibrary(messages) : this.renderLesson(messages)}
      </div>
    `;
  }

  override updated(): void {
    if (!this.focusLessonPending) return;
    // While the lesson loads the back button holds focus, as the clicked button is gone.
    const title = this.renderRoot.querySelector<HTMLElement>(`#${LESSON_TITLE_ID}`);
    const target = title ?? this.renderRoot.querySelector<HTMLElement>(".back-button");
    target?.focus();
    if (title || this.lesson.state.status !== "loading") this.focusLessonPending = false;
  }

  private renderLibrary(messages: Messages): TemplateResult {
    const current = this.library.state;
    switch (current.status) {
      case "idle":
      case "loading":
        return renderLoading(messages);
      case "error":
        return renderError(messages, messages.libraryLoadFailed, current.error, () => {
          this.library.retry();
        });
      case "complete":
        if (current.value.length === 0) return renderNotice(messages.emptyLibrary);
        return renderSkillList(current.value, messages, (slug) => {
          this.openLesson(slug);
        });
    }
  }

  private renderLesson(messages: Messages): TemplateResult {
    return html`
      <button
        type="button"
        class="button-quiet back-button"
        part="back-button"
        @click=${this.closeLesson}
      >
        <span aria-hidden="true">←</span> ${messages.backToLibrary}
      </button>
      ${renderLessonState(this.lesson.state, messages, {
        idle: renderLoading(messages),
        onRetry: () => {
          this.lesson.retry();
        },
      })}
    `;
  }

  private openLesson(slug: string): void {
    const detail = { slug };
    if (!dispatchWidgetEvent(this, WIDGET_EVENTS.lessonOpen, detail, { cancelable: true })) return;
    this.openSlug = slug;
    this.focusLessonPending = true;
  }

  private readonly closeLesson = (): void => {
    const slug = this.openSlug;
    this.openSlug = undefined;
    this.focusLessonPending = false;
    // Back where the reader left: the button of the lesson they just read.
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>(".lesson-button");
      Array.from(buttons)
        .find((button) => button.dataset.slug === slug)
        ?.focus();
    });
  };

  private reportError(error: ApiError): void {
    dispatchWidgetEvent(this, WIDGET_EVENTS.error, { code: error.code, message: error.message });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "rs-library": RsLibrary;
  }
}
