import { html } from "lit";
import type { TemplateResult } from "lit";
import type { LessonContent } from "../../api-client/index.js";
import type { QueryState } from "../../controllers/query-controller.js";
import type { Messages } from "../../i18n/index.js";
import { renderError, renderLoading, renderNotice } from "../states/states.js";

/** The id of the lesson's heading, for elements that move focus to it. */
export const LESSON_TITLE_ID = "lesson-title";

/**
 * One lesson as an article: the template `<rs-lesson>` and the lesson view of `<rs-library>`
 * share, so both read alike and expose the same parts. The title can take focus from script
 * (`tabindex="-1"`) so that opening a lesson can move the reader to it.
 */
export function renderLessonContent(lesson: LessonContent, messages: Messages): TemplateResult {
  return html`
    <article class="lesson" part="lesson" aria-labelledby=${LESSON_TITLE_ID}>
      <header class="lesson-header">
        <h2 id=${LESSON_TITLE_ID} class="lesson-title" part="lesson-title" tabindex="-1">
          ${lesson.title}
        </h2>
        <p class="lesson-meta" part="lesson-meta">
          <span>${lesson.skill.name}</span>
          <span aria-hidden="true">·</span>
          <span>${messages.minutes(lesson.minutes)}</span>
        </p>
      </header>
      ${section("key-idea", messages.keyIdea, lesson.keyIdea)}
      ${section("why-it-matters", messages.whyItMatters, lesson.whyItMatters)}
      ${section("practice", messages.practice, lesson.practice)}
      ${section("reflection", messages.reflect, lesson.reflectionQuestion)}
    </article>
  `;
}

function section(name: string, heading: string, text: string): TemplateResult {
  return html`
    <section class="lesson-section ${name}" part="section ${name}">
      <h3 class="section-heading" part="section-heading">${heading}</h3>
      <p class="section-text">${text}</p>
    </section>
  `;
}

/**
 * A lesson query in any state: loading, failed (with retry), not found, or the lesson. `idle`
 * is what to show before anything was asked for, which differs between the two elements.
 */
export function renderLessonState(
  state: QueryState<LessonContent | null>,
  messages: Messages,
  options: { idle: TemplateResult; onRetry: () => void },
): TemplateResult {
  switch (state.status) {
    case "idle":
      return options.idle;
    case "loading":
      return renderLoading(messages);
    case "error":
      return renderError(messages, messages.lessonLoadFailed, state.error, options.onRetry);
    case "complete":
      return state.value === null
        ? renderNotice(messages.lessonNotFound)
        : renderLessonContent(state.value, messages);
  }
}
