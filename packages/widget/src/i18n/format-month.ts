import type { Locale } from "@real-skills/shared";

/**
 * A report month (`YYYY-MM`, UTC) the way the locale says it: "Nov 2026", "Nov. 2026". Months
 * are counted in UTC by the API, so they are formatted in UTC too: never a day off into the
 * month before.
 */
export function formatMonth(month: string, locale: Locale): string {
  const [year = 0, index = 1] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(Date.UTC(year, index - 1));
}
