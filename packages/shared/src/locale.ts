/** The languages every built-in text exists in. `en` is the fallback for everything. */
export const SUPPORTED_LOCALES = ["en", "de"] as const;

export type Locale = (typeof SUPPORTED_LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/** A text in every supported locale, as content files and the database store it. */
export type LocalizedText = Record<Locale, string>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/**
 * Picks the best supported locale from an HTTP `Accept-Language` header (RFC 9110 §12.5.4):
 * highest quality first, `de-CH` matches `de`, `q=0` excludes, ties keep header order.
 * Returns `undefined` when nothing in the header is supported, so callers can fall back further.
 */
export function negotiateLocale(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params
        .map((p) => p.trim())
        .find((p) => p.startsWith("q="))
        ?.slice(2);
      const quality = q === undefined ? 1 : Number(q);
      return {
        language: tag.trim().toLowerCase().split("-")[0] ?? "",
        quality: Number.isFinite(quality) ? quality : 0,
        index,
      };
    })
    .filter((range) => range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranges.map((range) => range.language).find(isLocale);
}

/** The text in `locale`, else in the fallback locale: a missing translation never shows as blank. */
export function pickText(text: Partial<LocalizedText>, locale: Locale): string {
  return text[locale] || text[DEFAULT_LOCALE] || "";
}
