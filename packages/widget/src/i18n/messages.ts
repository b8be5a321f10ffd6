/**
 * Every text the widget itself shows (content comes from the API). Counts are functions so each
 * language can pick its own plural forms.
 */
export interface Messages {
  loading: string;
  libraryLoadFailed: string;
  lessonLoadFailed: string;
  /** Added when no answer came at all, so the reader knows the fix may be on their side. */
  checkConnection: string;
  retry: string;
  emptyLibrary: string;
  minutes: (count: number) => string;
  lessonCount: (count: number) => string;
  /** Accessible name of the list of lessons under one skill. */
  lessonsOf: (skillName: string) => string;
  keyIdea: string;
  whyItMatters: string;
  practice: string;
  reflect: string;
  backToLibrary: string;
  lessonNotFound: string;
  noLessonSelected: string;
}
