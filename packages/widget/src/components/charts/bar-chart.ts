import { html, svg } from "lit";
import type { TemplateResult } from "lit";
import { barWidth } from "./chart-geometry.js";

const ROW_HEIGHT = 44;
const BAR_TOP = 22;
const BAR_HEIGHT = 14;

/** One row of a bar chart. */
export interface Bar {
  name: string;
  /** 0–100. Without one the row shows `note` in words and draws no bar. */
  score?: number | undefined;
  note?: string | undefined;
}

/**
 * A horizontal bar per row, labelled with its name and score. There is no viewBox: bar widths
 * are percentages of the chart's own width and rows are fixed in pixels, so labels keep the text
 * size at any width. Widths are SVG attributes, not styles, so a `style-src 'self'` policy has
 * nothing to block. Screen readers get `label` as one summary (`role="img"`); each element also
 * gives the numbers as text.
 */
export function renderBarChart(label: string, bars: readonly Bar[]): TemplateResult {
  return html`
    <svg
      class="chart"
      part="chart"
      role="img"
      aria-label=${label}
      width="100%"
      height=${bars.length * ROW_HEIGHT}
    >
      ${bars.map(({ name, score, note }, index) => {
        const top = index * ROW_HEIGHT;
        return score === undefined
          ? svg`<text class="chart-label" x="0" y=${top + 15}>${name} · ${note}</text>`
          : svg`
              <text class="chart-label" x="0" y=${top + 15}>${name} · ${score}</text>
              <rect class="track" x="0" y=${top + BAR_TOP} width="100%" height=${BAR_HEIGHT} rx="3" />
              <rect class="bar" x="0" y=${top + BAR_TOP} width=${barWidth(score)} height=${BAR_HEIGHT} rx="3" />
            `;
      })}
    </svg>
  `;
}
