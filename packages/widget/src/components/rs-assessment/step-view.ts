import { html, nothing } from "lit";
import type { TemplateResult } from "lit";
import { keyed } from "lit/directives/keyed.js";
import type { AttemptItem } from "../../api-client/index.js";
import type { Messages } from "../../i18n/index.js";
import type { AnswerValue } from "../../outbox/outbox.js";
import { renderItemFields } from "./item-fields.js";

export interface StepProps {
  item: AttemptItem;
  position: number;
  total: number;
  answer: AnswerValue | undefined;
  /** Whether Next may be pressed: the item is answered or optional. */
  complete: boolean;
  /** Set when the employee came from the review to change this answer. */
  returnToReview: boolean;
  /** `typing` is set while a text is being typed: kept on this device, sent when it is left. */
  onAnswer: (value: AnswerValue, typing?: boolean) => void;
  onBack: () => void;
  onNext: () => void;
}

/**
 * One question with its progress bar and an explicit Next; the progress in words is in the
 * element's live region (`renderProgress`), just above. It is a form so that Enter on a chosen
 * option goes on, the way forms do; a disabled Next blocks that too.
 */
export function renderStep(props: StepProps, messages: Messages): TemplateResult {
  const { item, position, total } = props;
  return html`
    <form
      class="step"
      @submit=${(event: Event) => {
        event.preventDefault();
        if (props.complete) props.onNext();
      }}
    >
      <progress part="progress-bar" max=${total} value=${position} aria-hidden="true"></progress>
      ${
        // A fresh fieldset per item, so no radio state carries over to the next question.
        keyed(item.id, renderItemFields(item, props.answer, messages, props.onAnswer))
      }
      <div class="actions">
        ${
          position > 1
            ? html`<button
                type="button"
                class="button-quiet"
                part="back-button"
                @click=${props.onBack}
              >
                ${messages.back}
              </button>`
            : nothing
        }
        <button
          type="submit"
          class="button-primary"
          part="next-button"
          ?disabled=${!props.complete}
        >
          ${props.returnToReview ? messages.backToReview : messages.next}
        </button>
      </div>
    </form>
  `;
}
