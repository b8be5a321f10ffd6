import { SKILL_SLUGS, type SkillSlug } from "../../domain.js";
import type { Answer } from "../answer.js";
import { bandFor } from "../band.js";
import { scoreAttempt } from "../score-attempt.js";
import type { ScoringItem, SkillWeights } from "../scoring-item.js";
import { unwrap } from "./scoring.fixtures.js";

/**
 * mulberry32: a tiny seeded PRNG, so a failing case is reproducible from its seed without a
 * property-testing library (packages/shared has no dependencies).
 */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = ReturnType<typeof prng>;

const int = (random: Random, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));

function pick<T>(random: Random, list: readonly T[]): T {
  const value = list[int(random, 0, list.length - 1)];
  if (value === undefined) throw new Error("pick from an empty list");
  return value;
}

function shuffle<T>(random: Random, list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = int(random, 0, i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function randomWeights(random: Random, skills: readonly SkillSlug[]): SkillWeights {
  const weights: SkillWeights = {};
  for (const skill of skills) if (random() < 0.7) weights[skill] = int(random, 0, 3);
  return weights;
}

function randomItem(random: Random, id: string, skills: readonly SkillSlug[]): ScoringItem {
  switch (pick(random, ["LIKERT", "SITUATIONAL", "FORCED_CHOICE", "REFLECTION"] as const)) {
    case "LIKERT":
      return { id, kind: "LIKERT", skill: pick(random, skills), reverseKeyed: random() < 0.3 };
    case "SITUATIONAL":
    case "FORCED_CHOICE": {
      const kind = random() < 0.5 ? "SITUATIONAL" : "FORCED_CHOICE";
      const count = kind === "FORCED_CHOICE" ? 2 : int(random, 3, 4);
      const options = Array.from({ length: count }, (_, index) => ({
        id: `${id}-o${index}`,
        weights: randomWeights(random, skills),
      }));
      return { id, kind, options };
    }
    case "REFLECTION":
      return { id, kind: "REFLECTION" };
  }
}

function randomAnswer(random: Random, item: ScoringItem): Answer {
  switch (item.kind) {
    case "LIKERT":
      return { itemId: item.id, value: int(random, 1, 5) };
    case "SITUATIONAL":
    case "FORCED_CHOICE":
      return { itemId: item.id, optionId: pick(random, item.options).id };
    case "REFLECTION":
      return { itemId: item.id, text: "x".repeat(int(random, 0, 20)) };
  }
}

describe("scoreAttempt on random assessments", () => {
  const cases = Array.from({ length: 500 }, (_, seed) => seed + 1);

  it("always gives integer scores 0–100 that do not depend on answer order", () => {
    let scoredSkills = 0;
    for (const seed of cases) {
      const random = prng(seed);
      const skills = shuffle(random, SKILL_SLUGS).slice(0, int(random, 1, 4));
      const items = Array.from({ length: int(random, 1, 14) }, (_, index) =>
        randomItem(random, `item-${index}`, skills),
      );
      const answers = items.filter(() => random() < 0.8).map((item) => randomAnswer(random, item));

      const scores = unwrap(scoreAttempt(items, answers));
      scoredSkills += scores.length;
      for (const s of scores) {
        // The seed in the message makes a failure reproducible.
        expect({ seed, ok: Number.isInteger(s.score) && s.score >= 0 && s.score <= 100 }).toEqual({
          seed,
          ok: true,
        });
        expect(s.band).toBe(bandFor(s.score));
        expect(s.min <= s.raw && s.raw <= s.max && s.min < s.max && s.answered > 0).toBe(true);
      }
      expect(scores.map((s) => s.skill)).toEqual(
        SKILL_SLUGS.filter((skill) => scores.some((s) => s.skill === skill)),
      );
      expect({ seed, result: scoreAttempt(items, shuffle(random, answers)) }).toEqual({
        seed,
        result: { ok: true, value: scores },
      });
    }
    // Guards the generator: the checks above mean little if most attempts scored nothing.
    expect(scoredSkills).toBeGreaterThan(cases.length);
  });
});
