/**
 * Why answers cannot be scored. These are expected failures of client input, so scoring returns
 * them in a `Result` instead of throwing; the API reports them as BAD_USER_INPUT.
 */
export const SCORING_ERROR_CODES = {
  /** The answer names an item that is not part of the assessment version. */
  UNKNOWN_ITEM: "UNKNOWN_ITEM",
  /** The answer does not fit its item's kind: wrong field, value off the scale, unknown option. */
  INVALID_ANSWER: "INVALID_ANSWER",
  /** Two answers name the same item; which one counts would depend on their order. */
  DUPLICATE_ANSWER: "DUPLICATE_ANSWER",
} as const;

export type ScoringErrorCode = (typeof SCORING_ERROR_CODES)[keyof typeof SCORING_ERROR_CODES];

export interface ScoringError {
  code: ScoringErrorCode;
  itemId: string;
}
