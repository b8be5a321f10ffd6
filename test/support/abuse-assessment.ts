/**
 * A valid `AssessmentInput` for the admin API, with every authored text chosen by the caller: the
 * abuse corpus puts one hostile string at a time into an otherwise valid assessment, and the
 * inert-content case fills every text with script payloads.
 */

/** Names each authored text: `title`, `item 2 prompt`, `item 1 option 3 label`, … */
export type TextFor = (place: string, locale: "en" | "de") => string;

const PLAIN: TextFor = (place, locale) => `${place} (${locale})`;

function localized(place: string, text: TextFor) {
  return { en: text(place, "en"), de: text(place, "de") };
}

/**
 * Five items, one of each kind and a second LIKERT: a SITUATIONAL item first (options with
 * skill points), so that a path like `items[].options[].skillPoints[].skill` finds them in the
 * first item, then FORCED_CHOICE, LIKERT (with `skill`) and REFLECTION.
 */
export function assessmentInput(slug: string, text: TextFor = PLAIN): Record<string, unknown> {
  const option = (item: number, index: number, points: number) => ({
    key: `option-${index}`,
    label: localized(`item ${item} option ${index} label`, text),
    skillPoints: [{ skill: "responsibility", points }],
  });
  return {
    slug,
    title: localized("title", text),
    description: localized("description", text),
    estimatedMinutes: 3,
    items: [
      {
        key: "situation",
        kind: "SITUATIONAL",
        prompt: localized("item 1 prompt", text),
        options: [option(1, 1, 3), option(1, 2, 1), option(1, 3, 0)],
      },
      {
        key: "mindset",
        kind: "FORCED_CHOICE",
        prompt: localized("item 2 prompt", text),
        options: [option(2, 1, 0), option(2, 2, 2)],
      },
      {
        key: "agreement",
        kind: "LIKERT",
        skill: "decision-quality",
        prompt: localized("item 3 prompt", text),
      },
      {
        key: "reverse-agreement",
        kind: "LIKERT",
        skill: "decision-quality",
        reverseScored: true,
        prompt: localized("item 4 prompt", text),
      },
      { key: "reflection", kind: "REFLECTION", prompt: localized("item 5 prompt", text) },
    ],
  };
}
