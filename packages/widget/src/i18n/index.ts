import type { Locale } from "@real-skills/shared";
import { de } from "./de.js";
import { en } from "./en.js";
import type { Messages } from "./messages.js";

export type { Messages } from "./messages.js";
export { formatDay } from "./format-day.js";
export { formatMonth } from "./format-month.js";
export { browserLanguages, chosenLocale, resolveLocale } from "./resolve-locale.js";
export type { LocaleSources } from "./resolve-locale.js";

const CATALOG: Readonly<Record<Locale, Messages>> = { en, de };

export function messagesFor(locale: Locale): Messages {
  return CATALOG[locale];
}
