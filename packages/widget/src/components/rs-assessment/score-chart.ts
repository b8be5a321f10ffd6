import { html, svg } from "lit";
import type { TemplateResult } from "lit";
import type { SkillScoreData } from "../../api-client/index.js";
import type { Messages } from "../../i18n/index.js";

const ROW_HEIGHT = 44;
const BAR_TOP = 22;
const BAR_HEIGHT = 14;

/**
 * A horizontal bar per skill. There is no viewBox: bar widths are percentages of the chart's
 * own width and rows are fixed in pixels, so labels keep the text size at any width. Widths are
 * SVG attributes, not styles, so a `style-src 'self'` policy has nothing to block. Screen
 * readers get one summary (`role="img"`); the numbers also follow as text below the chart.
 */
export function renderScoreChart(
  scores: readonly SkillScoreData[],
  messages: Messages,
): TemplateResult {
  const summary = scores
    .map(({ skill, score, band }) => messages.scoreSummary(skill.name, score, messages.band(band)))
    .join("; ");
  return html`
    <svg
      class="chart"
      part="chart"
      role="img"
      aria-label=${`${messages.scoresChart}: ${summary}`}
      width="100%"
      height=${scores.length * ROW_HEIGHT}
    >
      ${scores.map((entry, index) => {
        const top = index * ROW_HEIGHT;
        return svg`
          <text class="chart-label" x="0" y=${top + 15}>
            ${entry.skill.name} · ${entry.score}
          </text>
          <rect class="track" x="0" y=${top + BAR_TOP} width="100%" height=${BAR_HEIGHT} rx="3" />
          <rect
            class="bar ${entry.band.toLowerCase()}"
            x="0"
            y=${top + BAR_TOP}
            width=${`${Math.max(0, Math.min(100, entry.score))}%`}
            height=${BAR_HEIGHT}
            rx="3"
          />
        `;
      })}
    </svg>
  `;
}
