import { messagesFor } from "../index.js";
import type { Messages } from "../index.js";

describe("messagesFor", () => {
  it("speaks German to German readers, with plural forms", () => {
    const messages = messagesFor("de");
    expect(messages.backToLibrary).toBe("Zurück zur Bibliothek");
    expect(messages.minutes(1)).toBe("1 Minute");
    expect(messages.minutes(5)).toBe("5 Minuten");
    expect(messages.lessonCount(3)).toBe("3 Lektionen");
    expect(messages.lessonsOf("Verantwortung")).toBe("Lektionen zu Verantwortung");
  });

  it("words the assessment for German readers: agreement scale, progress and bands", () => {
    const messages = messagesFor("de");
    expect(messages.likert).toHaveLength(5);
    expect(messages.likert[4]).toBe("Stimme voll zu");
    expect(messages.questionOf(3, 7)).toBe("Frage 3 von 7");
    expect(messages.band("STRONG")).toBe("Ausgeprägt");
    expect(messages.privacyNote).toMatch(/nur du/);
  });

  it("names every band and every point of the scale in both languages, differently", () => {
    const english = messagesFor("en");
    const german = messagesFor("de");
    expect(english.likert.filter((label, index) => german.likert[index] === label)).toEqual([]);
    for (const band of ["EMERGING", "DEVELOPING", "STRONG"] as const) {
      expect(german.band(band)).not.toBe(english.band(band));
    }
  });

  it("speaks English to English readers, with plural forms", () => {
    const messages = messagesFor("en");
    expect(messages.practice).toBe("Practice this week");
    expect(messages.minutes(1)).toBe("1 minute");
    expect(messages.lessonCount(2)).toBe("2 lessons");
  });

  it("leaves no English text in the German interface", () => {
    const english = messagesFor("en");
    const german = messagesFor("de");
    const untranslated = (Object.keys(english) as (keyof Messages)[]).filter(
      (key) => typeof english[key] === "string" && german[key] === english[key],
    );
    expect(untranslated).toEqual([]);
  });
});
