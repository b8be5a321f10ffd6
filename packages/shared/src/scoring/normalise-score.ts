/**
 * Maps a raw sum within [min, max] to an integer 0–100, rounding halves up. The arithmetic is
 * done on the numerator before dividing, so with integer weights (the content rules require
 * them) a half such as 12.5 is exact and never rounds down through floating-point error.
 * Callers guarantee `max > min`.
 */
export function normaliseScore(raw: number, min: number, max: number): number {
  const range = max - min;
  const score = Math.floor((200 * (raw - min) + range) / (2 * range));
  // Clamping only matters for raw sums outside [min, max], which resolved answers cannot produce.
  return Math.min(100, Math.max(0, score));
}
