/** An agreement 1–5 (`LIKERT_SCALE`) with a LIKERT item. */
export interface LikertAnswer {
  itemId: string;
  value: number;
}

/** The chosen option of a SITUATIONAL or FORCED_CHOICE item. */
export interface OptionAnswer {
  itemId: string;
  optionId: string;
}

/** The free text of a REFLECTION item; accepted, never scored. */
export interface ReflectionAnswer {
  itemId: string;
  text: string;
}

/** One answer of an attempt. Items left unanswered simply have no answer. */
export type Answer = LikertAnswer | OptionAnswer | ReflectionAnswer;
