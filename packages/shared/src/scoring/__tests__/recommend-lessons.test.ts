import type { SkillSlug } from "../../domain.js";
import { bandFor } from "../band.js";
import { recommendLessons, type RecommendableLesson } from "../recommend-lessons.js";
import type { SkillScore } from "../score-attempt.js";

function scored(skill: SkillSlug, score: number): SkillScore {
  return { skill, score, band: bandFor(score), answered: 1, raw: score, min: 0, max: 100 };
}

function lessonsOf(skill: SkillSlug, count: number): RecommendableLesson[] {
  return Array.from({ length: count }, (_, index) => ({
    slug: `${skill}-${index + 1}`,
    skill,
    position: index + 1,
  }));
}

const library = [
  ...lessonsOf("responsibility", 3),
  ...lessonsOf("excellence", 3),
  ...lessonsOf("decision-quality", 2),
];

describe("recommendLessons", () => {
  it("takes turns between the two weakest skills, first lessons first", () => {
    const scores = [
      scored("responsibility", 90),
      scored("excellence", 20),
      scored("decision-quality", 35),
    ];
    expect(recommendLessons(scores, library).map((lesson) => lesson.slug)).toEqual([
      "excellence-1",
      "decision-quality-1",
      "excellence-2",
    ]);
  });

  it("fills the list from one skill when only one was scored", () => {
    const scores = [scored("responsibility", 55)];
    expect(recommendLessons(scores, library).map((lesson) => lesson.slug)).toEqual([
      "responsibility-1",
      "responsibility-2",
      "responsibility-3",
    ]);
  });

  it("still recommends a way to grow when every skill is strong", () => {
    const scores = [scored("responsibility", 95), scored("excellence", 100)];
    expect(recommendLessons(scores, library)[0]?.slug).toBe("responsibility-1");
  });

  it("returns fewer lessons when the weakest skills have fewer, and none without scores", () => {
    const scores = [scored("decision-quality", 10), scored("tribes-and-culture", 15)];
    expect(recommendLessons(scores, library).map((lesson) => lesson.slug)).toEqual([
      "decision-quality-1",
      "decision-quality-2",
    ]);
    expect(recommendLessons([], library)).toEqual([]);
  });

  it("does not depend on the order of lessons or scores", () => {
    const scores = [
      scored("responsibility", 40),
      scored("excellence", 40),
      scored("decision-quality", 80),
    ];
    const expected = recommendLessons(scores, library);
    expect(recommendLessons([...scores].reverse(), [...library].reverse())).toEqual(expected);
    // Equal scores: the slug decides, so `excellence` comes before `responsibility`.
    expect(expected.map((lesson) => lesson.slug)).toEqual([
      "excellence-1",
      "responsibility-1",
      "excellence-2",
    ]);
  });
});
