import type { WidgetEventDetails, WidgetEventName } from "@real-skills/shared";

/** The event type each widget event arrives as, keyed by its name. */
export type WidgetEventMap = {
  [Name in WidgetEventName]: CustomEvent<WidgetEventDetails[Name]>;
};

/**
 * Dispatches one of the shared widget events from `target`. Every widget event bubbles and is
 * `composed`, so a listener on `document` hears it from inside any shadow root. Returns `false`
 * when a listener cancelled a `cancelable` event.
 */
export function dispatchWidgetEvent<Name extends WidgetEventName>(
  target: EventTarget,
  name: Name,
  detail: WidgetEventDetails[Name],
  { cancelable = false }: { cancelable?: boolean } = {},
): boolean {
  const event = new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable });
  return target.dispatchEvent(event);
}

declare global {
  // Lets `element.addEventListener("rs-lesson-open", (event) => event.detail.slug)` type-check.
  interface HTMLElementEventMap {
    "rs-lesson-open": WidgetEventMap["rs-lesson-open"];
    "rs-start": WidgetEventMap["rs-start"];
    "rs-answer": WidgetEventMap["rs-answer"];
    "rs-complete": WidgetEventMap["rs-complete"];
    "rs-error": WidgetEventMap["rs-error"];
  }
}
