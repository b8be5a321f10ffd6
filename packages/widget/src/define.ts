import { RsAssessment, RsHistory, RsLesson, RsLibrary, RsTeamReport } from "./index.js";

/** Every element of the widget under its tag name. */
export const ELEMENTS = {
  "rs-library": RsLibrary,
  "rs-lesson": RsLesson,
  "rs-assessment": RsAssessment,
  "rs-history": RsHistory,
  "rs-team-report": RsTeamReport,
} as const;

/**
 * Registers every element that is not registered yet. A second copy of the widget on the same
 * page (the script tag twice, or the script tag beside an npm build) finds the names taken and
 * leaves the first copy's classes in place instead of throwing.
 */
export function defineElements(): void {
  for (const [name, element] of Object.entries(ELEMENTS)) {
    if (!customElements.get(name)) customElements.define(name, element);
  }
}

defineElements();
