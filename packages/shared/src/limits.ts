/** Limits that the API enforces and the widget and clients can rely on. */
export const LIMITS = {
  /** Largest page a connection returns; `first` above it is rejected. */
  maxPageSize: 100,
  /** Page size when `first` is omitted. */
  defaultPageSize: 20,
  /** Longest slug accepted anywhere. */
  maxSlugLength: 64,
  /** Longest answer to a REFLECTION item, in characters. */
  maxReflectionLength: 2000,
  /** Longest idempotency key a client may send. */
  maxIdempotencyKeyLength: 128,
  /** Longest retake cooldown an organisation may set, in days. */
  maxRetakeCooldownDays: 365,
  /** Most months one team report covers. */
  maxReportMonths: 36,
} as const;

/** Lower-case words joined by single hyphens: `decision-quality`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: string): boolean {
  return value.length <= LIMITS.maxSlugLength && SLUG_PATTERN.test(value);
}
