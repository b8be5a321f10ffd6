/** Height of a trend chart in pixels. */
export const TREND_HEIGHT = 112;
// Room above the highest dot for its label.
const PADDING = 18;

/** A 0–100 score as a share of the chart's width: the bar's `width` attribute. */
export function barWidth(score: number): string {
  return `${Math.max(0, Math.min(100, score))}%`;
}

/** Pixels from the top of a trend chart for a 0–100 score. */
export function yFor(score: number): number {
  return PADDING + ((100 - score) * (TREND_HEIGHT - 2 * PADDING)) / 100;
}

/** Percent of the width for slot `index` of `count`, spread evenly, a single slot centred. */
export function xFor(index: number, count: number): string {
  return `${count === 1 ? 50 : 4 + (index * 92) / (count - 1)}%`;
}
