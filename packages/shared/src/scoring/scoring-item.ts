import type { ItemKind, SkillSlug } from "../domain.js";

/**
 * Points an option gives per skill. A skill missing here scores 0 for this option, so authors
 * only write the skills an option speaks to.
 */
export type SkillWeights = Partial<Record<SkillSlug, number>>;

export interface ScoringOption {
  id: string;
  weights: SkillWeights;
}

/** Agreement 1–5 with a statement about one skill. */
export interface LikertScoringItem {
  id: string;
  kind: Extract<ItemKind, "LIKERT">;
  skill: SkillSlug;
  /** Agreement counts against the skill. */
  reverseKeyed?: boolean;
}

/** One option out of 3–4 (SITUATIONAL) or 2 (FORCED_CHOICE), each weighted per skill. */
export interface ChoiceScoringItem {
  id: string;
  kind: Extract<ItemKind, "SITUATIONAL" | "FORCED_CHOICE">;
  options: readonly ScoringOption[];
}

/** Free text: accepted as an answer, never scored. */
export interface ReflectionScoringItem {
  id: string;
  kind: Extract<ItemKind, "REFLECTION">;
}

/**
 * What scoring needs to know of an item of one assessment version: no texts, only keys and
 * weights. Item ids are unique within a version (the importer and the database guarantee it).
 */
export type ScoringItem = LikertScoringItem | ChoiceScoringItem | ReflectionScoringItem;
