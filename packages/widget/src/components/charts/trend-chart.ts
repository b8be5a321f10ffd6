import { html, svg } from "lit";
import type { TemplateResult } from "lit";
import { BAND_THRESHOLDS } from "@real-skills/shared";
import { TREND_HEIGHT, xFor, yFor } from "./chart-geometry.js";

/** One score at one time: an attempt's date, or a report's month. */
export interface TrendPoint {
  at: string;
  score: number;
  /** Position among the chart's `slots`; a point's index when every slot has one. */
  slot?: number;
}

/** Words under a chart whose slots are a fixed range: what it shows, and the first and last slot. */
export interface TrendAxis {
  title: string;
  first: string;
  last: string;
}

// The axis line sits below the lowest dot and its label.
const AXIS_HEIGHT = 20;

/**
 * Scores over time as dots joined by lines, with dashed guides at the band boundaries. As with
 * the bar chart, x positions are percentages and there is no viewBox, so nothing stretches.
 * Screen readers get `label` followed by every point in words; each element also has a table.
 * With an `axis`, a line of text under the dots names the range for sighted readers too.
 */
export function renderTrendChart(
  label: string,
  points: readonly TrendPoint[],
  format: (at: string) => string,
  slots = points.length,
  axis?: TrendAxis,
): TemplateResult {
  const described = points.map((point) => `${format(point.at)}: ${point.score}`).join(", ");
  const x = (point: TrendPoint, index: number): string => xFor(point.slot ?? index, slots);
  return html`
    <svg
      class="chart"
      part="chart"
      role="img"
      aria-label=${`${label}: ${described}`}
      width="100%"
      height=${TREND_HEIGHT + (axis ? AXIS_HEIGHT : 0)}
    >
      ${
        axis
          ? svg`
              <text class="dot-label" x="0" y=${TREND_HEIGHT + 12}>${axis.first}</text>
              <text class="dot-label" x="50%" y=${TREND_HEIGHT + 12} text-anchor="middle">${axis.title}</text>
              <text class="dot-label" x="100%" y=${TREND_HEIGHT + 12} text-anchor="end">${axis.last}</text>
            `
          : ""
      }
      ${Object.values(BAND_THRESHOLDS).map(
        (threshold) =>
          svg`<line class="guide" x1="0" x2="100%" y1=${yFor(threshold)} y2=${yFor(threshold)} />`,
      )}
      ${points.slice(1).map((point, index) => {
        const previous = points[index] ?? point;
        return svg`
          <line
            class="trend-line"
            x1=${x(previous, index)}
            y1=${yFor(previous.score)}
            x2=${x(point, index + 1)}
            y2=${yFor(point.score)}
          />
        `;
      })}
      ${points.map((point, index) => {
        const cx = x(point, index);
        const cy = yFor(point.score);
        return svg`
          <circle class="dot" cx=${cx} cy=${cy} r="5" />
          <text class="dot-label" x=${cx} y=${cy - 9} text-anchor="middle">${point.score}</text>
        `;
      })}
    </svg>
  `;
}
