import { html, nothing } from "lit";
import type { TemplateResult } from "lit";
import type { AttemptItem } from "../../api-client/index.js";
import type { Messages } from "../../i18n/index.js";
import type { AnswerValue } from "../../outbox/outbox.js";

export interface ReviewProps {
  items: readonly AttemptItem[];
  answerOf: (itemId: string) => AnswerValue | undefined;
  /** Whether every required item is answered, so that the attempt can be submitted. */
  complete: boolean;
  submitFailed: boolean;
  onChange: (index: number) => void;
  onBack: () => void;
  onSubmit: () => void;
}

/** Every question with the answer given, each with a way back to change it, then Submit. */
export function renderReview(props: ReviewProps, messages: Messages): TemplateResult {
  return html`
    <section class="review" part="review" aria-labelledby="review-title">
      <h2 id="review-title" class="title" part="title" tabindex="-1" data-focus>
        ${messages.reviewTitle}
      </h2>
      <p>${messages.reviewHint}</p>
      ${
        props.submitFailed
          ? html`<p class="error" part="error" role="alert">${messages.submitFailed}</p>`
          : nothing
      }
      <ol class="review-list" part="review-list">
        ${props.items.map(
          (item, index) => html`
            <li class="review-item" part="review-item">
              <p class="review-prompt">${item.prompt}</p>
              <p class="review-answer">${answerText(item, props.answerOf(item.id), messages)}</p>
              <button
                type="button"
                class="button-quiet"
                part="change-button"
                aria-label=${messages.changeAnswer(index + 1)}
                @click=${() => {
                  props.onChange(index);
                }}
              >
                ${messages.change}
              </button>
            </li>
          `,
        )}
      </ol>
      <div class="actions">
        <button type="button" class="button-quiet" part="back-button" @click=${props.onBack}>
          ${messages.back}
        </button>
        <button
          type="button"
          class="button-primary"
          part="submit-button"
          ?disabled=${!props.complete}
          @click=${props.onSubmit}
        >
          ${messages.submit}
        </button>
      </div>
    </section>
  `;
}

function answerText(
  item: AttemptItem,
  answer: AnswerValue | undefined,
  messages: Messages,
): string {
  if (answer?.value !== undefined) return messages.likert[answer.value - 1] ?? String(answer.value);
  if (answer?.optionId !== undefined) {
    return item.options.find((option) => option.id === answer.optionId)?.label ?? "";
  }
  return answer?.text || messages.noAnswer;
}
