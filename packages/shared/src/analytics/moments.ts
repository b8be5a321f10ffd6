/**
 * Running sums of one quantity over respondents: enough to add or remove a respondent in O(1)
 * and to read the mean and variance without the individual values. HR aggregates are stored as
 * these sums, so a report never reads individual attempts (design §7).
 */
export interface Moments {
  n: number;
  sum: number;
  sumSquares: number;
}

export const EMPTY_MOMENTS: Readonly<Moments> = Object.freeze({ n: 0, sum: 0, sumSquares: 0 });

/** Adds (`sign` 1) or removes (`sign` -1) one value. */
export function addValue(moments: Moments, value: number, sign: 1 | -1 = 1): Moments {
  return {
    n: moments.n + sign,
    sum: moments.sum + sign * value,
    sumSquares: moments.sumSquares + sign * value * value,
  };
}

/** The sums of two disjoint groups of respondents together. */
export function combineMoments(a: Moments, b: Moments): Moments {
  return { n: a.n + b.n, sum: a.sum + b.sum, sumSquares: a.sumSquares + b.sumSquares };
}

export function meanOf(moments: Moments): number | null {
  return moments.n > 0 ? moments.sum / moments.n : null;
}

/**
 * The sample variance (n − 1 in the denominator), or null below two respondents. Clamped at 0:
 * the subtraction of two large sums can come out a hair below zero for identical values.
 */
export function varianceOf(moments: Moments): number | null {
  if (moments.n < 2) return null;
  const variance = (moments.sumSquares - (moments.sum * moments.sum) / moments.n) / (moments.n - 1);
  return Math.max(0, variance);
}

export function standardDeviationOf(moments: Moments): number | null {
  const variance = varianceOf(moments);
  return variance === null ? null : Math.sqrt(variance);
}
