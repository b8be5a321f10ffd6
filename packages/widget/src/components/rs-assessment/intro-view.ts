import { html } from "lit";
import type { TemplateResult } from "lit";
import type { AttemptAssessment } from "../../api-client/index.js";
import type { Messages } from "../../i18n/index.js";

/** What the assessment is, how long it takes, and who sees the answers, before it begins. */
export function renderIntro(
  assessment: AttemptAssessment,
  resumable: boolean,
  messages: Messages,
  onStart: () => void,
): TemplateResult {
  return html`
    <section class="intro" part="intro" aria-labelledby="intro-title">
      <h2 id="intro-title" class="title" part="title" tabindex="-1" data-focus>
        ${assessment.title}
      </h2>
      <p part="description">${assessment.description}</p>
      <p class="meta" part="meta">
        <span>${messages.minutes(assessment.estimatedMinutes)}</span>
        <span aria-hidden="true">·</span>
        <span>${messages.questionCount(assessment.items.length)}</span>
      </p>
      <p class="privacy" part="privacy">${messages.privacyNote}</p>
      <div class="actions">
        <button type="button" class="button-primary" part="start-button" @click=${onStart}>
          ${resumable ? messages.resume : messages.start}
        </button>
      </div>
    </section>
  `;
}
