import type { Messages } from "./messages.js";

export const en: Messages = {
  loading: "Loading…",
  libraryLoadFailed: "The skills library could not be loaded.",
  lessonLoadFailed: "This lesson could not be loaded.",
  checkConnection: "Check your internet connection and try again.",
  retry: "Try again",
  emptyLibrary: "There are no skills to show yet.",
  minutes: (count) => (count === 1 ? "1 minute" : `${count} minutes`),
  lessonCount: (count) => (count === 1 ? "1 lesson" : `${count} lessons`),
  lessonsOf: (skillName) => `Lessons on ${skillName}`,
  keyIdea: "Key idea",
  whyItMatters: "Why it matters",
  practice: "Practice this week",
  reflect: "Reflect",
  backToLibrary: "Back to the library",
  lessonNotFound: "This lesson does not exist or is no longer available.",
  noLessonSelected: "Choose a lesson to read it here.",
};
