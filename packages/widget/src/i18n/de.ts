import type { Messages } from "./messages.js";

// Informal "du" throughout, as the German content does.
export const de: Messages = {
  loading: "Wird geladen …",
  libraryLoadFailed: "Die Bibliothek konnte nicht geladen werden.",
  lessonLoadFailed: "Diese Lektion konnte nicht geladen werden.",
  checkConnection: "Prüfe deine Internetverbindung und versuch es noch einmal.",
  retry: "Noch einmal versuchen",
  emptyLibrary: "Hier gibt es noch keine Inhalte.",
  minutes: (count) => (count === 1 ? "1 Minute" : `${count} Minuten`),
  lessonCount: (count) => (count === 1 ? "1 Lektion" : `${count} Lektionen`),
  lessonsOf: (skillName) => `Lektionen zu ${skillName}`,
  keyIdea: "Kerngedanke",
  whyItMatters: "Warum es wichtig ist",
  practice: "Übung für diese Woche",
  reflect: "Zum Nachdenken",
  backToLibrary: "Zurück zur Bibliothek",
  lessonNotFound: "Diese Lektion gibt es nicht oder nicht mehr.",
  noLessonSelected: "Wähle eine Lektion, um sie hier zu lesen.",
};
