import { css } from "lit";

/** A chart's text alternative: tables in a `<details>` that anyone can open. */
export const tableStyles = css`
  .table-toggle {
    margin-top: 1.25em;
  }

  summary {
    min-height: 24px;
    color: var(--_accent);
    font-weight: 600;
    cursor: pointer;
  }

  table {
    width: 100%;
    margin-top: 0.5em;
    border-collapse: collapse;
    font-size: 0.875em;
  }

  caption {
    text-align: start;
    font-weight: 700;
  }

  th,
  td {
    padding: 0.375em 0.5em;
    text-align: start;
    border-bottom: 1px solid var(--_divider);
  }

  thead th {
    color: var(--_muted);
  }

  tbody th {
    font-weight: 400;
  }
`;
