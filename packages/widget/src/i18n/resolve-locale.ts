import { DEFAULT_LOCALE, negotiateLocale } from "@real-skills/shared";
import type { Locale } from "@real-skills/shared";

/** Where a locale can come from, strongest first. Each may hold any language tag or none. */
export interface LocaleSources {
  /** The element's `locale` attribute. */
  attribute?: string | undefined;
  /** The page-wide `configure({ locale })`. */
  configured?: string | undefined;
  /** The browser's preferences, `navigator.languages`. */
  languages?: readonly string[] | undefined;
}

/**
 * The first supported locale among the sources, else `en`. A region tag matches its language
 * (`de-AT` → `de`) and an unsupported tag (`fr`) falls through to the next source instead of
 * forcing the fallback, so a page set to French still gets German for a German browser.
 */
export function resolveLocale({ attribute, configured, languages }: LocaleSources): Locale {
  return (
    negotiateLocale(attribute) ??
    negotiateLocale(configured) ??
    // `navigator.languages` is already in preference order, which is what ties keep.
    negotiateLocale(languages?.join(",")) ??
    DEFAULT_LOCALE
  );
}

/** `navigator.languages`, or none outside a browser (server rendering, unit tests). */
export function browserLanguages(): readonly string[] {
  return typeof navigator === "undefined" ? [] : navigator.languages;
}
