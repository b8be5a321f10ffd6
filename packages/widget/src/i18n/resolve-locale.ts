import { DEFAULT_LOCALE, negotiateLocale } from "@real-skills/shared";
import type { Locale } from "@real-skills/shared";

/** Where a locale can come from, strongest first. Each may hold any language tag or none. */
export interface LocaleSources {
  /** The element's `locale` attribute. */
  attribute?: string | undefined;
  /** The page-wide `configure({ locale })`. */
  configured?: string | undefined;
  /** The `locale` claim of the employee's embed token; only elements that use a token have one. */
  token?: string | undefined;
  /** The browser's preferences, `navigator.languages`. */
  languages?: readonly string[] | undefined;
}

/**
 * The first supported locale among the sources, else `en`. A region tag matches its language
 * (`de-AT` → `de`) and an unsupported tag (`fr`) falls through to the next source instead of
 * forcing the fallback, so a page set to French still gets German for a German browser.
 */
export function resolveLocale(sources: LocaleSources): Locale {
  return (
    chosenLocale(sources) ??
    negotiateLocale(sources.token) ??
    // `navigator.languages` is already in preference order, which is what ties keep.
    negotiateLocale(sources.languages?.join(",")) ??
    DEFAULT_LOCALE
  );
}

/**
 * The locale the element or the page chose, if it is a supported one. When there is one, the
 * token's claim cannot change the outcome, so nobody needs to wait for the token to know it.
 */
export function chosenLocale({ attribute, configured }: LocaleSources): Locale | undefined {
  return negotiateLocale(attribute) ?? negotiateLocale(configured);
}

/** `navigator.languages`, or none outside a browser (server rendering, unit tests). */
export function browserLanguages(): readonly string[] {
  return typeof navigator === "undefined" ? [] : navigator.languages;
}
