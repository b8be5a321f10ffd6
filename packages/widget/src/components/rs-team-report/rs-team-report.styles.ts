import { css } from "lit";
import { chartStyles } from "../../styles/chart.styles.js";
import { controlStyles } from "../../styles/controls.styles.js";
import { hostStyles } from "../../styles/host.styles.js";
import { tableStyles } from "../../styles/table.styles.js";
import { stateStyles } from "../states/states.styles.js";

const reportStyles = css`
  .series {
    display: grid;
    gap: 1.25em;
    margin-top: 1em;
  }

  .skill-name {
    font-size: 1.125em;
    font-weight: 700;
  }

  .summary {
    color: var(--_muted);
  }

  /* Ten skills do not fit a phone's width: the tables scroll on their own, not the page. */
  .table-toggle {
    overflow-x: auto;
  }

  table {
    margin-top: 1em;
  }
`;

export const rsTeamReportStyles = [
  hostStyles,
  controlStyles,
  stateStyles,
  chartStyles,
  tableStyles,
  reportStyles,
];
