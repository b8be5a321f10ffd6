import type { SkillSlug } from "../../domain.js";
import type { Result } from "../../result.js";
import type {
  ChoiceScoringItem,
  LikertScoringItem,
  ReflectionScoringItem,
  SkillWeights,
} from "../scoring-item.js";

export function likert(id: string, skill: SkillSlug, reverseKeyed = false): LikertScoringItem {
  return { id, kind: "LIKERT", skill, reverseKeyed };
}

/** A SITUATIONAL item whose options are named a, b, c, … in the order given. */
export function situational(id: string, ...weights: SkillWeights[]): ChoiceScoringItem {
  return {
    id,
    kind: "SITUATIONAL",
    options: weights.map((w, index) => ({ id: String.fromCharCode(97 + index), weights: w })),
  };
}

/** A FORCED_CHOICE item as the content rules write it: management 0, leadership 3. */
export function forcedChoice(id: string, skill: SkillSlug): ChoiceScoringItem {
  return {
    id,
    kind: "FORCED_CHOICE",
    options: [
      { id: "management", weights: { [skill]: 0 } },
      { id: "leadership", weights: { [skill]: 3 } },
    ],
  };
}

export function reflection(id: string): ReflectionScoringItem {
  return { id, kind: "REFLECTION" };
}

/** The value of an ok result; fails the test with the error otherwise. */
export function unwrap<T, E>(result: Result<T, E>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}
