import { html, svg } from "lit";
import type { TemplateResult } from "lit";
import { BAND_THRESHOLDS } from "@real-skills/shared";
import type { Messages } from "../../i18n/index.js";
import type { SkillSeries } from "./history-series.js";

const HEIGHT = 112;
// Room above the highest dot for its label.
const PADDING = 18;

/** Pixels from the top for a 0–100 score. */
function yFor(score: number): number {
  return PADDING + ((100 - score) * (HEIGHT - 2 * PADDING)) / 100;
}

/** Percent of the width for point `index` of `count`, spread evenly, one point centred. */
function xFor(index: number, count: number): string {
  return `${count === 1 ? 50 : 4 + (index * 92) / (count - 1)}%`;
}

/**
 * One skill's scores over time as dots joined by lines, with dashed guides at the band
 * boundaries. As with the result chart, x positions are percentages and there is no viewBox,
 * so nothing stretches; the same numbers are in the table below the charts.
 */
export function renderHistoryChart(
  series: SkillSeries,
  messages: Messages,
  formatDate: (iso: string) => string,
): TemplateResult {
  const { points } = series;
  const described = points
    .map((point) => `${formatDate(point.submittedAt)}: ${point.score}`)
    .join(", ");
  return html`
    <svg
      class="trend"
      part="chart"
      role="img"
      aria-label=${`${messages.historyChart(series.name)}: ${described}`}
      width="100%"
      height=${HEIGHT}
    >
      ${Object.values(BAND_THRESHOLDS).map(
        (threshold) =>
          svg`<line class="guide" x1="0" x2="100%" y1=${yFor(threshold)} y2=${yFor(threshold)} />`,
      )}
      ${points.slice(1).map(
        (point, index) => svg`
          <line
            class="trend-line"
            x1=${xFor(index, points.length)}
            y1=${yFor(points[index]?.score ?? 0)}
            x2=${xFor(index + 1, points.length)}
            y2=${yFor(point.score)}
          />
        `,
      )}
      ${points.map((point, index) => {
        const x = xFor(index, points.length);
        const y = yFor(point.score);
        return svg`
          <circle class="dot" cx=${x} cy=${y} r="5" />
          <text class="dot-label" x=${x} y=${y - 9} text-anchor="middle">${point.score}</text>
        `;
      })}
    </svg>
  `;
}
