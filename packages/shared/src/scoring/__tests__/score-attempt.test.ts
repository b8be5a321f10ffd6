import type { Answer } from "../answer.js";
import { scoreAttempt } from "../score-attempt.js";
import type { ScoringItem } from "../scoring-item.js";
import { forcedChoice, likert, reflection, situational, unwrap } from "./scoring.fixtures.js";

/** The excellence micro-assessment (content/assessments/excellence.yaml) reduced to scoring. */
const excellence: ScoringItem[] = [
  likert("thinks-about-the-recipient", "excellence"),
  likert("adds-unrequested-care", "excellence"),
  likert("done-when-criteria-met", "excellence", true),
  situational(
    "report-passes-checks",
    { excellence: 0 },
    { excellence: 3 },
    { excellence: 1 },
    { excellence: 2 },
  ),
  situational(
    "routine-request-under-pressure",
    { excellence: 3 },
    { excellence: 2 },
    { excellence: 1 },
    { excellence: 0 },
  ),
  forcedChoice("standard-of-good-work", "excellence"),
  reflection("one-step-further"),
];

const best: Answer[] = [
  { itemId: "thinks-about-the-recipient", value: 5 },
  { itemId: "adds-unrequested-care", value: 5 },
  { itemId: "done-when-criteria-met", value: 1 },
  { itemId: "report-passes-checks", optionId: "b" },
  { itemId: "routine-request-under-pressure", optionId: "a" },
  { itemId: "standard-of-good-work", optionId: "leadership" },
  { itemId: "one-step-further", text: "The onboarding guide." },
];

const worst: Answer[] = [
  { itemId: "thinks-about-the-recipient", value: 1 },
  { itemId: "adds-unrequested-care", value: 1 },
  { itemId: "done-when-criteria-met", value: 5 },
  { itemId: "report-passes-checks", optionId: "a" },
  { itemId: "routine-request-under-pressure", optionId: "d" },
  { itemId: "standard-of-good-work", optionId: "management" },
];

const mixed: Answer[] = [
  { itemId: "thinks-about-the-recipient", value: 4 }, // 3 of 4
  { itemId: "adds-unrequested-care", value: 3 }, // 2 of 4
  { itemId: "done-when-criteria-met", value: 2 }, // reversed: 3 of 4
  { itemId: "report-passes-checks", optionId: "c" }, // 1 of 3
  { itemId: "routine-request-under-pressure", optionId: "b" }, // 2 of 3
  { itemId: "standard-of-good-work", optionId: "management" }, // 0 of 3
  { itemId: "one-step-further", text: "" },
];

describe("scoreAttempt", () => {
  describe("item kinds", () => {
    it("scores LIKERT agreement as value − 1 out of 4", () => {
      const items = [likert("q", "responsibility")];
      expect(unwrap(scoreAttempt(items, [{ itemId: "q", value: 4 }]))).toEqual([
        { skill: "responsibility", score: 75, band: "STRONG", answered: 1, raw: 3, min: 0, max: 4 },
      ]);
    });

    it("mirrors reverse-keyed LIKERT items: 5 − value", () => {
      const items = [likert("q", "responsibility", true)];
      const score = (value: number) => unwrap(scoreAttempt(items, [{ itemId: "q", value }]))[0];
      expect(score(1)).toMatchObject({ raw: 4, score: 100 });
      expect(score(2)).toMatchObject({ raw: 3, score: 75 });
      expect(score(5)).toMatchObject({ raw: 0, score: 0, band: "EMERGING" });
    });

    it("scores SITUATIONAL items by the chosen option's weight within the options' range", () => {
      const items = [situational("s", { excellence: 0 }, { excellence: 3 }, { excellence: 1 })];
      expect(unwrap(scoreAttempt(items, [{ itemId: "s", optionId: "c" }]))).toEqual([
        { skill: "excellence", score: 33, band: "EMERGING", answered: 1, raw: 1, min: 0, max: 3 },
      ]);
    });

    it("scores every skill an option set weighs, treating a missing weight as 0", () => {
      const items = [
        situational(
          "s",
          { responsibility: 3, excellence: 1 },
          { responsibility: 0 },
          { excellence: 3 },
        ),
      ];
      expect(unwrap(scoreAttempt(items, [{ itemId: "s", optionId: "a" }]))).toEqual([
        {
          skill: "responsibility",
          score: 100,
          band: "STRONG",
          answered: 1,
          raw: 3,
          min: 0,
          max: 3,
        },
        { skill: "excellence", score: 33, band: "EMERGING", answered: 1, raw: 1, min: 0, max: 3 },
      ]);
    });

    it("uses each skill's own minimum, which need not be 0", () => {
      const items = [situational("s", { excellence: 1 }, { excellence: 3 }, { excellence: 2 })];
      expect(unwrap(scoreAttempt(items, [{ itemId: "s", optionId: "c" }]))).toEqual([
        { skill: "excellence", score: 50, band: "DEVELOPING", answered: 1, raw: 2, min: 1, max: 3 },
      ]);
    });

    it("scores FORCED_CHOICE items: leadership 100, management 0", () => {
      const items = [forcedChoice("f", "mindful-leadership")];
      const score = (optionId: string) =>
        unwrap(scoreAttempt(items, [{ itemId: "f", optionId }]))[0]?.score;
      expect(score("leadership")).toBe(100);
      expect(score("management")).toBe(0);
    });

    it("never scores REFLECTION answers", () => {
      const items = [reflection("r")];
      expect(unwrap(scoreAttempt(items, [{ itemId: "r", text: "A long answer." }]))).toEqual([]);
      const withText = unwrap(scoreAttempt(excellence, mixed));
      const withoutText = unwrap(
        scoreAttempt(
          excellence,
          mixed.filter((answer) => answer.itemId !== "one-step-further"),
        ),
      );
      expect(withText).toEqual(withoutText);
    });
  });

  describe("a whole assessment", () => {
    it("gives 100 when every answer is the best", () => {
      expect(unwrap(scoreAttempt(excellence, best))).toEqual([
        { skill: "excellence", score: 100, band: "STRONG", answered: 6, raw: 21, min: 0, max: 21 },
      ]);
    });

    it("gives 0 when every answer is the worst", () => {
      expect(unwrap(scoreAttempt(excellence, worst))).toEqual([
        { skill: "excellence", score: 0, band: "EMERGING", answered: 6, raw: 0, min: 0, max: 21 },
      ]);
    });

    it("sums mixed answers before normalising", () => {
      // 11 of 21 = 52.4 %
      expect(unwrap(scoreAttempt(excellence, mixed))).toEqual([
        {
          skill: "excellence",
          score: 52,
          band: "DEVELOPING",
          answered: 6,
          raw: 11,
          min: 0,
          max: 21,
        },
      ]);
    });

    it("rounds a half up", () => {
      const items = [likert("a", "excellence"), likert("b", "excellence")];
      const answers = [
        { itemId: "a", value: 2 },
        { itemId: "b", value: 1 },
      ];
      // 1 of 8 = 12.5 %
      expect(unwrap(scoreAttempt(items, answers))[0]?.score).toBe(13);
    });
  });

  describe("partial attempts", () => {
    it("normalises over the answered items only", () => {
      const answers: Answer[] = [
        { itemId: "thinks-about-the-recipient", value: 5 },
        { itemId: "standard-of-good-work", optionId: "management" },
      ];
      // 4 of 7 = 57.1 %, not 4 of 21
      expect(unwrap(scoreAttempt(excellence, answers))).toEqual([
        { skill: "excellence", score: 57, band: "DEVELOPING", answered: 2, raw: 4, min: 0, max: 7 },
      ]);
    });

    it("gives a full score to a single best answer", () => {
      const answers = [{ itemId: "report-passes-checks", optionId: "b" }];
      expect(unwrap(scoreAttempt(excellence, answers))[0]?.score).toBe(100);
    });

    it("omits skills without answered items", () => {
      const items = [likert("a", "excellence"), likert("b", "responsibility")];
      expect(unwrap(scoreAttempt(items, [{ itemId: "b", value: 3 }])).map((s) => s.skill)).toEqual([
        "responsibility",
      ]);
      expect(unwrap(scoreAttempt(items, []))).toEqual([]);
    });

    it("omits a skill whose answered items cannot tell anything about it (max = min)", () => {
      const items = [
        situational("s", { "empathy-in-design": 2, excellence: 3 }, { "empathy-in-design": 2 }),
      ];
      const scores = unwrap(scoreAttempt(items, [{ itemId: "s", optionId: "a" }]));
      expect(scores.map((s) => s.skill)).toEqual(["excellence"]);
    });

    it("does not count an item with equal weights for a skill as answered for it", () => {
      const items = [
        likert("l", "excellence"),
        situational(
          "s",
          { excellence: 1, responsibility: 0 },
          { excellence: 1, responsibility: 3 },
        ),
      ];
      const answers = [
        { itemId: "l", value: 5 },
        { itemId: "s", optionId: "a" },
      ];
      expect(unwrap(scoreAttempt(items, answers))).toEqual([
        {
          skill: "responsibility",
          score: 0,
          band: "EMERGING",
          answered: 1,
          raw: 0,
          min: 0,
          max: 3,
        },
        { skill: "excellence", score: 100, band: "STRONG", answered: 1, raw: 4, min: 0, max: 4 },
      ]);
    });
  });

  describe("determinism", () => {
    const composite: ScoringItem[] = [
      likert("l1", "strategic-quitting"),
      likert("l2", "responsibility", true),
      situational("s1", { "tribes-and-culture": 3, responsibility: 1 }, { responsibility: 3 }, {}),
      forcedChoice("f1", "decision-quality"),
      reflection("r1"),
    ];
    const answers: Answer[] = [
      { itemId: "l1", value: 2 },
      { itemId: "l2", value: 4 },
      { itemId: "s1", optionId: "a" },
      { itemId: "f1", optionId: "leadership" },
      { itemId: "r1", text: "Something." },
    ];

    it("lists skills in SKILL_SLUGS order, whatever the item order", () => {
      const skills = unwrap(scoreAttempt(composite, answers)).map((s) => s.skill);
      expect(skills).toEqual([
        "responsibility",
        "decision-quality",
        "strategic-quitting",
        "tribes-and-culture",
      ]);
      const reversedItems = [...composite].reverse();
      expect(unwrap(scoreAttempt(reversedItems, answers))).toEqual(
        unwrap(scoreAttempt(composite, answers)),
      );
    });

    it("gives the same result for every order of the answers", () => {
      const expected = scoreAttempt(composite, answers);
      for (const permutation of permutations(answers)) {
        expect(scoreAttempt(composite, permutation)).toEqual(expected);
      }
    });
  });

  describe("invalid answers", () => {
    const items: ScoringItem[] = [
      likert("l", "excellence"),
      situational("s", { excellence: 0 }, { excellence: 3 }, { excellence: 1 }),
      forcedChoice("f", "excellence"),
      reflection("r"),
    ];
    /** Answers of shapes the `Answer` type rules out but a client can still send. */
    const raw = (answer: Record<string, unknown>) => answer as unknown as Answer;

    it("rejects an answer to an item outside the assessment", () => {
      expect(scoreAttempt(items, [{ itemId: "nope", value: 3 }])).toEqual({
        ok: false,
        error: { code: "UNKNOWN_ITEM", itemId: "nope" },
      });
    });

    it.each([
      ["LIKERT below the scale", { itemId: "l", value: 0 }],
      ["LIKERT above the scale", { itemId: "l", value: 6 }],
      ["LIKERT not an integer", { itemId: "l", value: 2.5 }],
      ["LIKERT as a string", { itemId: "l", value: "3" }],
      ["LIKERT not a number", { itemId: "l", value: Number.NaN }],
      ["LIKERT with an option", { itemId: "l", optionId: "a" }],
      ["LIKERT with a value and an option", { itemId: "l", value: 3, optionId: "a" }],
      ["LIKERT without a value", { itemId: "l" }],
      ["SITUATIONAL with an unknown option", { itemId: "s", optionId: "z" }],
      ["SITUATIONAL with a value", { itemId: "s", value: 3 }],
      ["FORCED_CHOICE with another item's option", { itemId: "f", optionId: "a" }],
      ["FORCED_CHOICE with text", { itemId: "f", text: "leadership" }],
      ["REFLECTION with a value", { itemId: "r", value: 3 }],
      ["REFLECTION with a non-string text", { itemId: "r", text: 42 }],
      ["REFLECTION longer than the limit", { itemId: "r", text: "x".repeat(2001) }],
    ])("rejects %s", (_case, answer) => {
      expect(scoreAttempt(items, [raw(answer)])).toEqual({
        ok: false,
        error: { code: "INVALID_ANSWER", itemId: answer.itemId },
      });
    });

    it("rejects two answers to one item, since the winner would depend on order", () => {
      const answers = [
        { itemId: "l", value: 3 },
        { itemId: "l", value: 5 },
      ];
      expect(scoreAttempt(items, answers)).toEqual({
        ok: false,
        error: { code: "DUPLICATE_ANSWER", itemId: "l" },
      });
    });

    it("reports the same error whatever the answer order", () => {
      const answers: Answer[] = [
        { itemId: "zz", value: 1 },
        { itemId: "f", optionId: "nope" },
        { itemId: "aa", value: 1 },
        { itemId: "l", value: 9 },
      ];
      const unknownFirst = { ok: false, error: { code: "UNKNOWN_ITEM", itemId: "aa" } };
      const invalidFirst = { ok: false, error: { code: "INVALID_ANSWER", itemId: "l" } };
      for (const permutation of permutations(answers)) {
        expect(scoreAttempt(items, permutation)).toEqual(unknownFirst);
        const known = permutation.filter((a) => a.itemId.length === 1);
        expect(scoreAttempt(items, known)).toEqual(invalidFirst);
      }
    });
  });
});

function permutations<T>(list: readonly T[]): T[][] {
  if (list.length <= 1) return [[...list]];
  return list.flatMap((head, index) =>
    permutations([...list.slice(0, index), ...list.slice(index + 1)]).map((rest) => [
      head,
      ...rest,
    ]),
  );
}
