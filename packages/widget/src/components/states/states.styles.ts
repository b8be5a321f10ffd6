import { css } from "lit";

/** Styles for the templates in `states.ts`. */
export const stateStyles = css`
  .status {
    color: var(--_muted);
  }

  .error {
    display: grid;
    gap: 0.75em;
    justify-items: start;
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--_danger);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_danger) 6%, var(--_surface));
  }

  .sign-in {
    display: grid;
    gap: 0.5em;
    justify-items: start;
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_tint);
  }
`;
