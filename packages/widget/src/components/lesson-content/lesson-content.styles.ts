import { css } from "lit";

/** Styles for `renderLessonContent()`; both elements that render a lesson include them. */
export const lessonContentStyles = css`
  .lesson {
    display: grid;
    gap: 1.25em;
  }

  .lesson-header {
    display: grid;
    gap: 0.25em;
  }

  .lesson-title {
    font-size: 1.5em;
    line-height: 1.25;
    font-weight: 700;
  }

  .lesson-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .lesson-section {
    display: grid;
    gap: 0.25em;
  }

  .section-heading {
    font-size: 0.875em;
    font-weight: 700;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    color: var(--_muted);
  }

  /* Texts may hold line breaks between paragraphs or steps; keep them. */
  .section-text {
    white-space: pre-line;
  }

  .key-idea {
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_tint);
  }

  .key-idea .section-text {
    font-size: 1.125em;
    font-weight: 600;
  }

  .reflection .section-text {
    font-style: italic;
  }
`;
