import { css } from "lit";

/**
 * The dark defaults. Every colour sits behind its `--rs-*` property, so a page's own colours win
 * in both themes. It is applied twice below (by attribute and by system preference) and lives
 * here once so that the two can never drift apart.
 */
const darkPalette = css`
  --_scheme: dark;
  --_text: var(--rs-color-text, #e6edf3);
  --_muted: var(--rs-color-muted, #9da7b3);
  --_surface: var(--rs-color-surface, #161b22);
  --_border: var(--rs-color-border, #6e7681);
  --_accent: var(--rs-color-accent, #6cb6ff);
  --_on-accent: var(--rs-color-on-accent, #0d1117);
  --_danger: var(--rs-color-danger, #ff8a80);
`;

/**
 * The base every element starts from. Private `--_*` properties hold the resolved theme once, so
 * every default lives here only; `__tests__/contrast.test.ts` checks the pairs we draw.
 *
 * The reset is on `.base`, the wrapper every element renders, not on `:host`: a page rule that
 * matches the element itself (`*`, a CSS reset) beats any `:host` rule, because outer normal
 * declarations win over the shadow tree's. No page selector reaches `.base`, so `all: initial`
 * there stops everything the page would pass down by inheritance. The host box (display, margin,
 * width) stays the page's to lay out.
 */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    /* Only for the page's own box styles (a shadow, a border): the surface is painted by .base. */
    border-radius: var(--_radius);
    /* Template whitespace around .base sits right in the host, where a page rule such as
       "* { white-space: pre }" would render it as blank lines. Only an important declaration
       of ours wins over the page there, and this one takes nothing from the page's layout. */
    white-space: normal !important;
    --_scheme: light;
    --_text: var(--rs-color-text, #1f2328);
    --_muted: var(--rs-color-muted, #57606a);
    --_surface: var(--rs-color-surface, #ffffff);
    --_border: var(--rs-color-border, #818b98);
    --_accent: var(--rs-color-accent, #0b57d0);
    --_on-accent: var(--rs-color-on-accent, #ffffff);
    --_danger: var(--rs-color-danger, #b3261e);
    --_focus: var(--rs-color-focus, var(--_accent));
    --_radius: var(--rs-radius, 8px);
    /* Highlighted panels and the chosen option; lines that only separate, not outline controls. */
    --_tint: color-mix(in srgb, var(--_accent) 6%, var(--_surface));
    --_divider: color-mix(in srgb, var(--_border) 50%, var(--_surface));
  }

  :host([hidden]) {
    display: none;
  }

  :host([theme="dark"]) {
    ${darkPalette}
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme="light"])) {
      ${darkPalette}
    }
  }

  .base {
    all: initial;
    /* A page that hides or disables a container still hides or disables the widget in it. */
    visibility: inherit;
    pointer-events: inherit;
    display: block;
    padding: 1em;
    color-scheme: var(--_scheme);
    font-family: var(
      --rs-font-family,
      system-ui,
      -apple-system,
      "Segoe UI",
      Roboto,
      "Helvetica Neue",
      Arial,
      sans-serif
    );
    font-size: var(--rs-font-size, 16px);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_surface);
    border-radius: var(--_radius);
    text-align: start;
    overflow-wrap: break-word;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
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

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  /* Headings that receive focus from script are announced, but need no ring. */
  [tabindex="-1"]:focus {
    outline: none;
  }

  /* Nothing moves today; this keeps it so under "reduce" should a transition ever be added. */
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }

  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
