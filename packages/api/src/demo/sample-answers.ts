import type { ScoringItem } from "@real-skills/shared";

/** One sampled answer, in the fields `saveAnswer` and scoring take. */
export type SampledAnswer = { value: number } | { optionId: string } | { text: string };

/**
 * A seeded generator (mulberry32) of numbers in [0, 1): the same sequence on every machine, so
 * sample data is the same on every run with the same seed.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A plausible answer of a person with `strength` (0–1: how often they answer well) to an item,
 * for sample data (the demo's responses, the benchmark generator). A good LIKERT answer agrees
 * (4–5) or, reverse-keyed, disagrees (1–3); a good choice is the option with the most points.
 */
export function sampleAnswer(
  item: ScoringItem,
  strength: number,
  random: () => number,
): SampledAnswer {
  const good = random() < strength;
  switch (item.kind) {
    case "LIKERT":
      return {
        value: good !== item.reverseKeyed ? 4 + Math.round(random()) : 1 + Math.round(random() * 2),
      };
    case "REFLECTION":
      return { text: "A private note only this employee ever sees." };
    case "SITUATIONAL":
    case "FORCED_CHOICE": {
      const points = (option: (typeof item.options)[number]) =>
        Object.values(option.weights).reduce<number>((total, weight) => total + weight, 0);
      const ranked = [...item.options].sort((a, b) => points(b) - points(a));
      const chosen = good ? ranked[0] : ranked[1 + Math.floor(random() * (ranked.length - 1))];
      if (!chosen) throw new Error(`Item ${item.id} has no options.`);
      return { optionId: chosen.id };
    }
  }
}
