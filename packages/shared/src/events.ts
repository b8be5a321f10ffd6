/**
 * The closed list of DOM events the widget dispatches. Every event is a `CustomEvent` that
 * bubbles and crosses shadow roots (`composed`), and fires on user action or a failure only.
 */
export const WIDGET_EVENTS = {
  /** A lesson was opened from `<rs-library>`; detail: {@link LessonOpenDetail}. */
  lessonOpen: "rs-lesson-open",
  /** Loading or sending failed; detail: {@link WidgetErrorDetail}. */
  error: "rs-error",
} as const;

export type WidgetEventName = (typeof WIDGET_EVENTS)[keyof typeof WIDGET_EVENTS];

export interface LessonOpenDetail {
  slug: string;
}

export interface WidgetErrorDetail {
  /** An API error code from `ERROR_CODES`, or `NETWORK_ERROR` when no answer came. */
  code: string;
  message: string;
}

export interface WidgetEventDetails {
  "rs-lesson-open": LessonOpenDetail;
  "rs-error": WidgetErrorDetail;
}
