import type { Locale } from "@real-skills/shared";
import type { ApiLocale } from "./documents.js";

// A Record, so that a new shared locale fails to compile here until the API enum has it too.
const API_LOCALES: Readonly<Record<Locale, ApiLocale>> = { en: "EN", de: "DE" };

export function toApiLocale(locale: Locale): ApiLocale {
  return API_LOCALES[locale];
}
