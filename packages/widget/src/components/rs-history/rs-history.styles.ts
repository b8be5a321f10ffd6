import { css } from "lit";
import { chartStyles } from "../../styles/chart.styles.js";
import { controlStyles } from "../../styles/controls.styles.js";
import { hostStyles } from "../../styles/host.styles.js";
import { tableStyles } from "../../styles/table.styles.js";
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
`;

export const rsHistoryStyles = [
  hostStyles,
  controlStyles,
  stateStyles,
  chartStyles,
  tableStyles,
  historyStyles,
];
