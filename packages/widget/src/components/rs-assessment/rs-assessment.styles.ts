import { css } from "lit";
import { hostStyles } from "../../styles/host.styles.js";
import { chartStyles } from "../../styles/chart.styles.js";
import { controlStyles } from "../../styles/controls.styles.js";
import { lessonContentStyles } from "../lesson-content/lesson-content.styles.js";
import { stateStyles } from "../states/states.styles.js";
import { resultStyles } from "./result.styles.js";

const assessmentStyles = css`
  .intro,
  .step,
  .review {
    display: grid;
    gap: 1em;
  }

  .title {
    font-size: 1.375em;
    line-height: 1.25;
    font-weight: 700;
  }

  .meta,
  .progress,
  .hint,
  .sync {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }

  .privacy {
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_tint);
  }

  .progress p {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.25em 1em;
    margin: 0 0 0.375em;
  }

  progress {
    display: block;
    width: 100%;
    height: 6px;
    accent-color: var(--_accent);
  }

  .question {
    display: grid;
    gap: 0.75em;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  .prompt {
    padding: 0;
    font-size: 1.125em;
    font-weight: 600;
    line-height: 1.4;
  }

  .choices {
    display: grid;
    gap: 0.5em;
  }

  .choice {
    display: flex;
    align-items: center;
    gap: 0.75em;
    min-height: 24px;
    padding: 0.625em 0.875em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }

  .choice:hover,
  .choice:has(:checked) {
    border-color: var(--_accent);
    background: var(--_tint);
  }

  .choice input {
    flex: none;
    width: 1.125em;
    height: 1.125em;
    margin: 0;
    accent-color: var(--_accent);
  }

  textarea {
    width: 100%;
    padding: 0.5em 0.75em;
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    resize: vertical;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5em;
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.5;
  }

  .review-list {
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .review-item {
    display: grid;
    gap: 0.125em;
    justify-items: start;
    padding: 0.75em 0;
    border-top: 1px solid var(--_divider);
  }

  .review-answer {
    color: var(--_muted);
  }

  .back-button {
    margin-bottom: 1em;
  }
`;

export const rsAssessmentStyles = [
  hostStyles,
  controlStyles,
  stateStyles,
  lessonContentStyles,
  assessmentStyles,
  chartStyles,
  resultStyles,
];
