/** The bands a skill score falls into (design §3); feedback text is written per band. */
export const BANDS = ["EMERGING", "DEVELOPING", "STRONG"] as const;

export type Band = (typeof BANDS)[number];

/**
 * Lowest score of each band above EMERGING. Exported so that reports and tests use the same
 * boundaries as scoring: EMERGING < 40 ≤ DEVELOPING < 70 ≤ STRONG.
 */
export const BAND_THRESHOLDS = { DEVELOPING: 40, STRONG: 70 } as const;

/** The band of a 0–100 score. */
export function bandFor(score: number): Band {
  if (score >= BAND_THRESHOLDS.STRONG) return "STRONG";
  if (score >= BAND_THRESHOLDS.DEVELOPING) return "DEVELOPING";
  return "EMERGING";
}
