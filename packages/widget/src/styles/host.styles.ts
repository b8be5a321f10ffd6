import { css } from "lit";

/**
 * The base every element starts from. `all: initial` stops the host page's inherited styles
 * (fonts, colours, line height, letter spacing) at the shadow boundary; custom properties are
 * untouched by `all`, which is exactly why theming goes through `--rs-*` properties. Private
 * `--_*` properties hold the resolved theme once, so every fallback value lives here only.
 */
export const hostStyles = css`
  :host {
    all: initial;
    display: block;
    box-sizing: border-box;
    --_font-family: var(
      --rs-font-family,
      system-ui,
      -apple-system,
      "Segoe UI",
      Roboto,
      "Helvetica Neue",
      Arial,
      sans-serif
    );
    --_text: var(--rs-color-text, #1f2328);
    --_muted: var(--rs-color-muted, #57606a);
    --_surface: var(--rs-color-surface, #ffffff);
    --_border: var(--rs-color-border, #d0d7de);
    --_accent: var(--rs-color-accent, #0b57d0);
    --_on-accent: var(--rs-color-on-accent, #ffffff);
    --_danger: var(--rs-color-danger, #b3261e);
    --_radius: var(--rs-radius, 8px);
    font-family: var(--_font-family);
    font-size: var(--rs-font-size, 16px);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_surface);
    border-radius: var(--_radius);
    text-align: start;
    overflow-wrap: break-word;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  h2,
  h3,
  p,
  ul {
    margin: 0;
  }

  ul {
    padding: 0;
    list-style: none;
  }

  .base {
    padding: 1em;
  }

  :focus-visible {
    outline: 2px solid var(--rs-color-focus, var(--_accent));
    outline-offset: 2px;
  }

  /* Headings that receive focus from script are announced, but need no ring. */
  [tabindex="-1"]:focus {
    outline: none;
  }

  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
