import type { Locale } from "@real-skills/shared";

/**
 * A day the way the locale says it, "December 3" or "3. Dezember", with the year only when it
 * is not this year. It is the reader's own day, in the browser's time zone.
 */
export function formatDay(iso: string, locale: Locale, now: Date = new Date()): string {
  const date = new Date(iso);
  const sameYear = date.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    ...(sameYear ? {} : { year: "numeric" }),
  }).format(date);
}
