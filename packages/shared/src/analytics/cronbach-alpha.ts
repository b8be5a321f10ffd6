import { varianceOf, type Moments } from "./moments.js";

/**
 * What Cronbach's α of one skill scale needs, over the same respondents: the sums of each item's
 * points and the sums of each respondent's total over those items.
 */
export interface ScaleMoments {
  items: readonly Moments[];
  total: Moments;
}

/**
 * Cronbach's α = k / (k − 1) · (1 − Σ var(item) / var(total)), from running sums. Null when it
 * says nothing: fewer than two items, fewer than two respondents, respondents that differ
 * between items and total, or a total that does not vary. Can be negative (items that pull
 * against each other); callers report it as it is, with the n behind it.
 */
export function cronbachAlpha(scale: ScaleMoments): number | null {
  const k = scale.items.length;
  const n = scale.total.n;
  if (k < 2 || n < 2 || scale.items.some((item) => item.n !== n)) return null;
  const totalVariance = varianceOf(scale.total);
  if (totalVariance === null || totalVariance === 0) return null;
  let itemVariances = 0;
  for (const item of scale.items) itemVariances += varianceOf(item) ?? 0;
  return (k / (k - 1)) * (1 - itemVariances / totalVariance);
}
