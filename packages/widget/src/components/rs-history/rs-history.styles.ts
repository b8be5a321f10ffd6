import { css } from "lit";
import { hostStyles } from "../../styles/host.styles.js";
import { controlStyles } from "../../styles/controls.styles.js";
import { stateStyles } from "../states/states.styles.js";

const historyStyles = css`
  .series {
    display: grid;
    gap: 1.25em;
  }

  .skill-name {
    font-size: 1.125em;
    font-weight: 700;
  }

  .latest {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .trend {
    display: block;
    overflow: visible;
  }

  .guide {
    stroke: var(--_divider);
    stroke-dasharray: 4 4;
  }

  .trend-line {
    stroke: var(--_accent);
    stroke-width: 2;
  }

  .dot {
    fill: var(--_accent);
    stroke: var(--_surface);
    stroke-width: 2;
  }

  .dot-label {
    fill: var(--_muted);
    font-size: 0.75em;
  }

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

  @media (forced-colors: active) {
    .trend-line {
      stroke: CanvasText;
    }

    .dot {
      fill: Highlight;
    }
  }
`;

export const rsHistoryStyles = [hostStyles, controlStyles, stateStyles, historyStyles];
