import { bandFor } from "../band.js";
import type { SkillScore } from "../score-attempt.js";
import { weakestSkills } from "../weakest-skills.js";
import type { SkillSlug } from "../../domain.js";

function scored(skill: SkillSlug, score: number): SkillScore {
  return { skill, score, band: bandFor(score), answered: 1, raw: score, min: 0, max: 100 };
}

const scores = [
  scored("responsibility", 80),
  scored("excellence", 40),
  scored("decision-quality", 40),
  scored("empathy-in-design", 10),
];

describe("weakestSkills", () => {
  it("returns the lowest scores first, ties by skill slug", () => {
    expect(weakestSkills(scores, 3).map((s) => s.skill)).toEqual([
      "empathy-in-design",
      "decision-quality",
      "excellence",
    ]);
  });

  it("breaks ties the same way whatever the input order", () => {
    const reversed = [...scores].reverse();
    expect(weakestSkills(reversed, 4)).toEqual(weakestSkills(scores, 4));
  });

  it("returns all skills when n exceeds them, none when n is 0 or negative", () => {
    expect(weakestSkills(scores, 10)).toHaveLength(4);
    expect(weakestSkills(scores, 0)).toEqual([]);
    expect(weakestSkills(scores, -1)).toEqual([]);
  });

  it("does not reorder the caller's array", () => {
    const input = [...scores];
    weakestSkills(input, 2);
    expect(input).toEqual(scores);
  });
});
