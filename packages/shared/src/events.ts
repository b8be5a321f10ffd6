import type { Band } from "./scoring/band.js";

/**
 * The closed list of DOM events the widget dispatches. Every event is a `CustomEvent` that
 * bubbles and crosses shadow roots (`composed`), and fires on user action or a failure only.
 */
export const WIDGET_EVENTS = {
  /** A lesson was opened from `<rs-library>`; detail: {@link LessonOpenDetail}. */
  lessonOpen: "rs-lesson-open",
  /** The employee started or resumed an attempt; detail: {@link StartDetail}. */
  start: "rs-start",
  /** The employee answered an item (saved or queued); detail: {@link AnswerDetail}. */
  answer: "rs-answer",
  /** An attempt was submitted and scored; detail: {@link CompleteDetail}. */
  complete: "rs-complete",
  /** Loading or sending failed; detail: {@link WidgetErrorDetail}. */
  error: "rs-error",
} as const;

export type WidgetEventName = (typeof WIDGET_EVENTS)[keyof typeof WIDGET_EVENTS];

export interface LessonOpenDetail {
  slug: string;
}

export interface StartDetail {
  assessmentSlug: string;
  attemptId: string;
  /** True when an unfinished attempt was picked up again instead of a new one started. */
  resumed: boolean;
}

/**
 * Progress only: which item, never what was answered. Answers are the employee's own, and the
 * host page belongs to the employer.
 */
export interface AnswerDetail {
  assessmentSlug: string;
  attemptId: string;
  itemId: string;
  /** Items answered so far, this one included. */
  answeredCount: number;
  itemCount: number;
}

export interface CompleteDetail {
  assessmentSlug: string;
  attemptId: string;
  scores: { skill: string; score: number; band: Band }[];
}

export interface WidgetErrorDetail {
  /** An API error code from `ERROR_CODES`, or `NETWORK_ERROR` when no answer came. */
  code: string;
  message: string;
}

export interface WidgetEventDetails {
  "rs-lesson-open": LessonOpenDetail;
  "rs-start": StartDetail;
  "rs-answer": AnswerDetail;
  "rs-complete": CompleteDetail;
  "rs-error": WidgetErrorDetail;
}
