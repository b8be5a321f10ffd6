import type { LocalizedText } from "../locale.js";
import type { Band } from "./band.js";

/**
 * What a result says about one skill in one band: what the score means (`summary`) and one
 * concrete thing to try this week (`nextStep`). Written per skill in the content files.
 */
export interface FeedbackText {
  summary: LocalizedText;
  nextStep: LocalizedText;
}

/** The feedback of one skill for every band. */
export type BandFeedback = Record<Band, FeedbackText>;
