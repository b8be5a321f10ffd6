import { css } from "lit";

/** The result view: scores in words and recommended lessons (the chart is in chart.styles). */
export const resultStyles = css`
  .result,
  .scores,
  .recommended {
    display: grid;
    gap: 1em;
  }

  .score {
    display: grid;
    gap: 0.25em;
    padding-top: 1em;
    border-top: 1px solid var(--_divider);
  }

  .score-skill,
  .recommended h3 {
    font-size: 1.125em;
    font-weight: 700;
  }

  .score-line {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }

  .band {
    font-weight: 600;
    color: var(--_accent);
  }

  .lessons {
    display: grid;
    gap: 0.5em;
  }

  .lesson-button {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.25em 1em;
    width: 100%;
    padding: 0.625em 0.875em;
    text-align: start;
    color: var(--_accent);
    background: var(--_surface);
    border: 1px solid var(--_border);
    font-weight: 600;
  }

  .lesson-button:hover {
    border-color: var(--_accent);
  }

  .lesson-button-minutes {
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 400;
  }
`;
