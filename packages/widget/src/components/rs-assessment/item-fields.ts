import { html } from "lit";
import type { TemplateResult } from "lit";
import type { AttemptItem } from "../../api-client/index.js";
import type { Messages } from "../../i18n/index.js";
import type { AnswerValue } from "../../outbox/outbox.js";

/** The id of each question's legend, which takes focus when the question appears. */
export const QUESTION_TITLE_ID = "question-title";

interface Choice {
  label: string;
  checked: boolean;
  value: AnswerValue;
}

/**
 * One item as a fieldset whose legend is the prompt: five agreement points for LIKERT, the
 * options for SITUATIONAL and FORCED_CHOICE (both native radios, so arrow keys, Space and
 * screen readers work as everywhere), a text area for REFLECTION.
 */
export function renderItemFields(
  item: AttemptItem,
  answer: AnswerValue | undefined,
  messages: Messages,
  onAnswer: (value: AnswerValue, typing?: boolean) => void,
): TemplateResult {
  switch (item.kind) {
    case "LIKERT":
      return fieldset(
        item,
        "likert",
        radios(
          item,
          messages.likert.map((label, index) => ({
            label,
            checked: answer?.value === index + 1,
            value: { value: index + 1 },
          })),
          onAnswer,
        ),
      );
    case "SITUATIONAL":
    case "FORCED_CHOICE":
      return fieldset(
        item,
        "options",
        radios(
          item,
          item.options.map((option) => ({
            label: option.label,
            checked: answer?.optionId === option.id,
            value: { optionId: option.id },
          })),
          onAnswer,
        ),
      );
    case "REFLECTION":
      return fieldset(
        item,
        "reflection",
        html`
          <p class="hint" part="hint">${messages.optional}</p>
          <textarea
            part="textarea"
            rows="5"
            maxlength="2000"
            aria-labelledby=${QUESTION_TITLE_ID}
            .value=${answer?.text ?? ""}
            @input=${(event: Event) => {
              // Every keystroke is kept on this device, so a closed tab loses no text ...
              onAnswer({ text: (event.target as HTMLTextAreaElement).value }, true);
            }}
            @change=${(event: Event) => {
              // ... but it is sent once, when the employee leaves the field.
              onAnswer({ text: (event.target as HTMLTextAreaElement).value });
            }}
          ></textarea>
        `,
      );
  }
}

function fieldset(item: AttemptItem, kind: string, body: TemplateResult): TemplateResult {
  return html`
    <fieldset class="question ${kind}" part="question">
      <legend id=${QUESTION_TITLE_ID} class="prompt" part="prompt" tabindex="-1" data-focus>
        ${item.prompt}
      </legend>
      ${body}
    </fieldset>
  `;
}

function radios(
  item: AttemptItem,
  choices: Choice[],
  onAnswer: (value: AnswerValue, typing?: boolean) => void,
): TemplateResult {
  return html`
    <div class="choices" part="choices">
      ${choices.map(
        (choice) => html`
          <label class="choice" part="choice">
            <input
              type="radio"
              name=${item.id}
              .checked=${choice.checked}
              @change=${() => {
                onAnswer(choice.value);
              }}
            />
            <span>${choice.label}</span>
          </label>
        `,
      )}
    </div>
  `;
}
