/** The slugs of the built-in skill areas (design §2). They are stable identifiers. */
export const SKILL_SLUGS = [
  "responsibility",
  "excellence",
  "empathy-in-design",
  "decision-quality",
  "learning-from-failure",
  "real-skills",
  "strategic-quitting",
  "tribes-and-culture",
  "mindful-leadership",
] as const;

export type SkillSlug = (typeof SKILL_SLUGS)[number];

/**
 * How an item is answered (design §3). LIKERT: agreement 1–5 on one skill, maybe reverse-keyed.
 * SITUATIONAL: a scenario with 3–4 weighted options. FORCED_CHOICE: a management against a
 * leadership statement. REFLECTION: free text, never scored, private to the employee.
 */
export const ITEM_KINDS = ["LIKERT", "SITUATIONAL", "FORCED_CHOICE", "REFLECTION"] as const;

export type ItemKind = (typeof ITEM_KINDS)[number];

/** Points of the agreement scale of a LIKERT item. */
export const LIKERT_SCALE = { min: 1, max: 5 } as const;
