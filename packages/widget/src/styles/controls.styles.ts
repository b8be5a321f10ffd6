import { css } from "lit";

/** The two button styles every element uses: a filled primary action and a quiet text button. */
export const controlStyles = css`
  button {
    font: inherit;
    line-height: 1.25;
    min-height: 24px;
    min-width: 24px;
    padding: 0.5em 1em;
    border-radius: var(--_radius);
    cursor: pointer;
  }

  .button-primary {
    color: var(--_on-accent);
    background: var(--_accent);
    border: 1px solid var(--_accent);
    font-weight: 600;
  }

  /* Towards the text colour: darker in the light theme, lighter in the dark, so on-accent text
     keeps its contrast in both. */
  .button-primary:hover {
    background: color-mix(in srgb, var(--_accent) 85%, var(--_text));
  }

  .button-quiet {
    color: var(--_accent);
    background: transparent;
    border: 1px solid transparent;
    padding-inline: 0.25em;
    font-weight: 600;
  }

  .button-quiet:hover {
    text-decoration: underline;
  }
`;
