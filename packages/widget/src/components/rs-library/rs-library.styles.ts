import { css } from "lit";
import { hostStyles } from "../../styles/host.styles.js";
import { controlStyles } from "../../styles/controls.styles.js";
import { lessonContentStyles } from "../lesson-content/lesson-content.styles.js";
import { stateStyles } from "../states/states.styles.js";

const libraryStyles = css`
  .skills {
    display: grid;
    gap: 1.5em;
  }

  .skill {
    display: grid;
    gap: 0.375em;
  }

  .skill + .skill {
    padding-top: 1.5em;
    border-top: 1px solid var(--_divider);
  }

  .skill-name {
    font-size: 1.25em;
    line-height: 1.3;
    font-weight: 700;
  }

  .skill-meta {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .lessons {
    display: grid;
    gap: 0.5em;
    margin-top: 0.375em;
  }

  .lesson-button {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25em 1em;
    width: 100%;
    padding: 0.625em 0.875em;
    text-align: start;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
  }

  .lesson-button:hover {
    border-color: var(--_accent);
    background: var(--_tint);
  }

  .lesson-button-title {
    color: var(--_accent);
    font-weight: 600;
  }

  .lesson-button-minutes {
    color: var(--_muted);
    font-size: 0.875em;
    white-space: nowrap;
  }

  .back-button {
    margin-bottom: 1em;
  }
`;

export const rsLibraryStyles = [
  hostStyles,
  controlStyles,
  stateStyles,
  lessonContentStyles,
  libraryStyles,
];
