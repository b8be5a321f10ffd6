import { bandFor } from "@real-skills/shared";
import type { CreatedOrganization } from "../../organization/organization.service.js";
import { createTestApp, type TestApp } from "../../../test-support/harness.js";
import {
  PUBLISH,
  UPDATE,
  validAssessmentInput,
} from "../../assessment/__tests__/authoring.fixtures.js";
import {
  BEST_DECISION_QUALITY,
  DECISION_QUALITY_LESSONS,
  WORST_DECISION_QUALITY,
  answerInput,
  dataOf,
  Employee,
  expectFailure,
  itemOf,
  optionOf,
  ORIGIN,
  type AttemptListView,
  type AttemptView,
  type Choice,
  type ResultView,
} from "./attempt.fixtures.js";

// The whole life of an attempt as an employee's browser sees it: start, autosave, resume,
// submit, read the result and the list. Expected scores are computed by hand from the content
// file `content/assessments/decision-quality.yaml`, independently of the scoring code.

let app: TestApp;
let org: CreatedOrganization;
let other: CreatedOrganization;
let subjects = 0;

beforeAll(async () => {
  app = await createTestApp();
  org = await app.createOrganization({ origins: [ORIGIN] });
  other = await app.createOrganization({ origins: [ORIGIN] });
});

afterAll(async () => {
  await app.close();
});

/** A fresh employee of `org`, so that tests never share attempts. */
function newEmployee(options: { locale?: string } = {}): Promise<Employee> {
  subjects += 1;
  return Employee.of(app, org, `flow-employee-${subjects}`, options);
}

/** What the employee sees of their answers: item key and the one answer field that is set. */
const answersOf = (attempt: AttemptView) =>
  attempt.answers.map(({ item, optionId, value, text }) => ({
    key: item.key,
    ...(optionId !== null ? { optionId } : {}),
    ...(value !== null ? { value } : {}),
    ...(text !== null ? { text } : {}),
  }));

function expectWellFormedResult(result: ResultView): void {
  for (const score of result.scores) {
    expect(Number.isInteger(score.score)).toBe(true);
    expect(score.score).toBeGreaterThanOrEqual(0);
    expect(score.score).toBeLessThanOrEqual(100);
    expect([score.skill.slug, score.band]).toEqual([score.skill.slug, bandFor(score.score)]);
    expect(score.feedback.trim()).not.toBe("");
    expect(score.nextStep.trim()).not.toBe("");
  }
}

describe("starting an attempt", () => {
  it("pins the current published version, with its items and which of them are required", async () => {
    const employee = await newEmployee();
    const published = dataOf(
      await employee.call<{
        assessment: { id: string; version: number; versionId: string; items: { id: string }[] };
      }>(`{ assessment(slug: "decision-quality") { id version versionId items { id } } }`),
    ).assessment;

    const attempt = await employee.started("decision-quality");
    expect(attempt).toMatchObject({
      status: "IN_PROGRESS",
      answeredCount: 0,
      answers: [],
      submittedAt: null,
      result: null,
      assessment: {
        id: published.id,
        slug: "decision-quality",
        version: published.version,
        versionId: published.versionId,
        itemCount: 7,
      },
    });
    expect(attempt.assessment.items.map((item) => item.id)).toEqual(
      published.items.map((item) => item.id),
    );
    expect(attempt.assessment.items.map((item) => [item.kind, item.required])).toEqual([
      ["LIKERT", true],
      ["LIKERT", true],
      ["LIKERT", true],
      ["SITUATIONAL", true],
      ["SITUATIONAL", true],
      ["FORCED_CHOICE", true],
      ["REFLECTION", false],
    ]);
    expect(Date.parse(attempt.startedAt)).not.toBeNaN();

    const read = dataOf(await employee.attempt(attempt.id)).attempt;
    expect(read).toMatchObject({ id: attempt.id, status: "IN_PROGRESS" });
  });

  it("resumes the open attempt with its answers when started again", async () => {
    const employee = await newEmployee();
    const first = await employee.started("decision-quality");
    await employee.answered(first, {
      "judges-what-was-known": 4,
      "tool-six-months-in": "a",
      "decision-worth-attention": { text: "Whether to hire now." },
    });

    const resumed = await employee.started("decision-quality");
    expect(resumed.id).toBe(first.id);
    expect(resumed.status).toBe("IN_PROGRESS");
    expect(resumed.startedAt).toBe(first.startedAt);
    expect(answersOf(resumed)).toEqual([
      { key: "judges-what-was-known", value: 4 },
      { key: "tool-six-months-in", optionId: optionOf(first, "tool-six-months-in", "a").id },
      { key: "decision-worth-attention", text: "Whether to hire now." },
    ]);
    expect(resumed.answeredCount).toBe(3);
  });

  it("starts separate attempts for separate assessments", async () => {
    const employee = await newEmployee();
    const decisions = await employee.started("decision-quality");
    const excellence = await employee.started("excellence");
    expect(excellence.id).not.toBe(decisions.id);
    expect(excellence.assessment.slug).toBe("excellence");
  });
});

describe("saving answers", () => {
  let employee: Employee;
  let attempt: AttemptView;

  beforeAll(async () => {
    employee = await newEmployee();
    attempt = await employee.started("decision-quality");
  });

  const save = (key: string, choice: Choice, sequence?: number) =>
    employee.saved({
      ...answerInput(attempt, key, choice),
      ...(sequence === undefined ? {} : { sequence }),
    });

  it("stores a value, a chosen option and a text, and lists them in item order", async () => {
    await save("decision-worth-attention", { text: "The reorg, not the offsite menu." });
    await save("judging-a-decision", "leadership");
    await save("sound-choice-bad-result", "d");
    const latest = await save("months-invested-means-finish", 2);

    expect(answersOf(latest)).toEqual([
      { key: "months-invested-means-finish", value: 2 },
      {
        key: "sound-choice-bad-result",
        optionId: optionOf(attempt, "sound-choice-bad-result", "d").id,
      },
      {
        key: "judging-a-decision",
        optionId: optionOf(attempt, "judging-a-decision", "leadership").id,
      },
      { key: "decision-worth-attention", text: "The reorg, not the offsite menu." },
    ]);
    expect(latest.answeredCount).toBe(4);
    for (const answer of latest.answers) {
      expect(answer.itemId).toBe(answer.item.id);
      expect(answer.sequence).toBe(0);
      expect(Date.parse(answer.savedAt)).not.toBeNaN();
    }
    expect(Date.parse(latest.updatedAt)).toBeGreaterThanOrEqual(Date.parse(latest.startedAt));
  });

  it("replaces an answer that is saved again", async () => {
    await save("judges-what-was-known", 2);
    const afterLikert = await save("judges-what-was-known", 5);
    await save("tool-six-months-in", "a");
    const latest = await save("tool-six-months-in", "c");

    expect(answersOf(afterLikert)).toContainEqual({ key: "judges-what-was-known", value: 5 });
    const mine = answersOf(latest);
    expect(mine.filter((answer) => answer.key === "judges-what-was-known")).toEqual([
      { key: "judges-what-was-known", value: 5 },
    ]);
    expect(mine.filter((answer) => answer.key === "tool-six-months-in")).toEqual([
      { key: "tool-six-months-in", optionId: optionOf(attempt, "tool-six-months-in", "c").id },
    ]);
    expect(latest.answeredCount).toBe(latest.answers.length);
    expect(latest.answers).toHaveLength(6);
  });

  it("keeps the newer answer when a save with a lower sequence arrives late", async () => {
    const newer = await save("quick-on-small-choices", 4, 5);
    const late = await save("quick-on-small-choices", 1, 3);
    const stored = (view: AttemptView) =>
      view.answers.find((answer) => answer.item.key === "quick-on-small-choices");

    expect(stored(newer)).toMatchObject({ value: 4, sequence: 5 });
    expect(stored(late)).toMatchObject({ value: 4, sequence: 5 });
    expect(stored(await employee.started("decision-quality"))).toMatchObject({
      value: 4,
      sequence: 5,
    });

    // A late retry of a choice item is ignored just the same.
    await save("sound-choice-bad-result", "b", 2);
    const lateChoice = await save("sound-choice-bad-result", "a", 1);
    expect(answersOf(lateChoice)).toContainEqual({
      key: "sound-choice-bad-result",
      optionId: optionOf(attempt, "sound-choice-bad-result", "b").id,
    });

    const next = await save("quick-on-small-choices", 2, 6);
    expect(stored(next)).toMatchObject({ value: 2, sequence: 6 });
  });

  it("removes a reflection saved as empty text", async () => {
    const withText = await save("decision-worth-attention", { text: "Pricing." });
    expect(answersOf(withText)).toContainEqual({
      key: "decision-worth-attention",
      text: "Pricing.",
    });
    const removed = await save("decision-worth-attention", { text: "" });
    expect(removed.answers.map((answer) => answer.item.key)).not.toContain(
      "decision-worth-attention",
    );
    expect(removed.answeredCount).toBe(withText.answeredCount - 1);
    const resumed = await employee.started("decision-quality");
    expect(resumed.answers.map((answer) => answer.item.key)).not.toContain(
      "decision-worth-attention",
    );
  });
});

describe("submitting an attempt", () => {
  // Decision-quality has six scored items on one skill: three LIKERT (0–4 points each, the
  // second reverse-keyed) and three choice items worth 0–3 each, so 0–21 points in all.
  it.each([
    ["every best answer", 100, "STRONG", BEST_DECISION_QUALITY],
    ["every worst answer", 0, "EMERGING", WORST_DECISION_QUALITY],
    [
      // 4 + (5−2=3) + 2 + 2 + 2 + 0 = 13 of 21 → 61.9 → 62 (rounding, not truncating, and the
      // reverse keying both matter: without it the sum would be 11 → 52).
      "mixed answers",
      62,
      "DEVELOPING",
      {
        "judges-what-was-known": 5,
        "months-invested-means-finish": 2,
        "quick-on-small-choices": 3,
        "tool-six-months-in": "a",
        "sound-choice-bad-result": "d",
        "judging-a-decision": "management",
      },
    ],
  ] as const)(
    "scores %s as %i (%s) with feedback and lessons",
    async (_label, score, band, choices) => {
      const employee = await newEmployee();
      const attempt = await employee.started("decision-quality");
      await employee.answered(attempt, {
        ...choices,
        // Reflections are private and never scored.
        "decision-worth-attention": { text: "Which vendor to keep." },
      });

      const result = await employee.submitted(attempt.id, `submit-${attempt.id}`);
      expect(result.attempt).toEqual({ id: attempt.id, status: "SUBMITTED" });
      expect(Date.parse(result.submittedAt)).not.toBeNaN();
      expect(result.scores).toEqual([
        {
          skill: { slug: "decision-quality", name: "Making Better Decisions" },
          score,
          band,
          answeredItems: 6,
          feedback: expect.any(String),
          nextStep: expect.any(String),
        },
      ]);
      expectWellFormedResult(result);
      // One skill scored: its lessons fill the list, first lesson first.
      expect(result.recommendedLessons.map((lesson) => lesson.slug)).toEqual(
        DECISION_QUALITY_LESSONS,
      );
      for (const lesson of result.recommendedLessons) {
        expect(lesson.skill.slug).toBe("decision-quality");
      }
    },
  );

  it("gives feedback for the band: a strong and an emerging result read differently", async () => {
    const strong = await newEmployee();
    const emerging = await newEmployee();
    const results = [];
    for (const [employee, choices] of [
      [strong, BEST_DECISION_QUALITY],
      [emerging, WORST_DECISION_QUALITY],
    ] as const) {
      const attempt = await employee.answered(await employee.started("decision-quality"), choices);
      results.push(await employee.submitted(attempt.id, `band-${attempt.id}`));
    }
    const [best, worst] = results.map((result) => result.scores[0]);
    expect(best?.band).toBe("STRONG");
    expect(worst?.band).toBe("EMERGING");
    expect(best?.feedback).not.toBe(worst?.feedback);
    expect(best?.nextStep).not.toBe(worst?.nextStep);
  });

  it("speaks the language asked for: German and English texts, the same scores", async () => {
    const employee = await newEmployee();
    const attempt = await employee.answered(
      await employee.started("decision-quality"),
      BEST_DECISION_QUALITY,
    );
    const german = await employee.submitted(attempt.id, "de-key", "DE");
    const english = dataOf(await employee.attempt(attempt.id, "EN")).attempt?.result;
    if (!english) throw new Error("the owner reads the result");

    expectWellFormedResult(german);
    expectWellFormedResult(english);
    const [de] = german.scores;
    const [en] = english.scores;
    expect(de?.skill.name).toBe("Besser entscheiden");
    expect(en?.skill.name).toBe("Making Better Decisions");
    expect([de?.score, de?.band]).toEqual([en?.score, en?.band]);
    expect(de?.feedback).not.toBe(en?.feedback);
    expect(de?.nextStep).not.toBe(en?.nextStep);
    expect(german.recommendedLessons.map((lesson) => lesson.slug)).toEqual(
      english.recommendedLessons.map((lesson) => lesson.slug),
    );
    expect(german.recommendedLessons[0]?.title).toBe("Trenne Entscheidung und Ergebnis");
    expect(english.recommendedLessons[0]?.title).toBe("Separate the decision from the outcome");

    // Without an argument the token's locale claim decides.
    const tokenGerman = await Employee.of(app, org, "flow-german", { locale: "de" });
    const started = await tokenGerman.started("decision-quality");
    expect(started.assessment.title).toBe("Besser entscheiden");
  });

  it("lets the owner read the result, and a new start after it begins a new attempt", async () => {
    const employee = await newEmployee();
    const attempt = await employee.answered(
      await employee.started("decision-quality"),
      WORST_DECISION_QUALITY,
    );
    const result = await employee.submitted(attempt.id, "read-later");

    const read = dataOf(await employee.attempt(attempt.id)).attempt;
    expect(read).toMatchObject({
      id: attempt.id,
      status: "SUBMITTED",
      submittedAt: result.submittedAt,
      answeredCount: 6,
    });
    expect(read?.result).toEqual(result);

    const next = await employee.started("decision-quality");
    expect(next.id).not.toBe(attempt.id);
    expect(next).toMatchObject({ status: "IN_PROGRESS", answers: [], result: null });
    // The earlier result stays as it was.
    expect(dataOf(await employee.attempt(attempt.id)).attempt?.result).toEqual(result);
  });
});

describe("a new version of an assessment", () => {
  const slug = "meetings-that-decide";
  const V2_PROMPT = "I judge decisions by the information we had.";

  beforeAll(async () => {
    const created = await app.http(
      `mutation($input: AssessmentInput!) { createAssessment(input: $input) { slug } }`,
      { input: validAssessmentInput(slug) },
      { token: org.apiKey },
    );
    expect(created.body.errors).toBeUndefined();
    const published = await app.http(PUBLISH, { slug }, { token: org.apiKey });
    expect(published.body.errors).toBeUndefined();
  });

  async function publishVersion2(): Promise<void> {
    const input = validAssessmentInput(slug);
    const [first] = input.items;
    if (!first) throw new Error("fixture has items");
    first.prompt.en = V2_PROMPT;
    input.items.push({
      key: "reversible-first",
      kind: "LIKERT",
      skill: "decision-quality",
      prompt: {
        en: "I ask whether a decision can be undone before I spend long on it.",
        de: "Ich frage, ob sich eine Entscheidung rückgängig machen lässt, bevor ich lange darüber nachdenke.",
      },
    });
    const updated = await app.http(UPDATE, { input }, { token: org.apiKey });
    expect(updated.body.errors).toBeUndefined();
    const published = await app.http(PUBLISH, { slug }, { token: org.apiKey });
    expect(published.body.errors).toBeUndefined();
  }

  it("leaves an open attempt on its version; a start after submitting pins the new one", async () => {
    const employee = await newEmployee();
    const v1 = await employee.started(slug);
    expect(v1.assessment.version).toBe(1);
    expect(v1.assessment.items.map((item) => item.key)).toEqual([
      "separate-outcome",
      "sunk-cost",
      "late-project",
      "mindset",
      "reflect",
    ]);
    await employee.saved(answerInput(v1, "separate-outcome", 5));

    await publishVersion2();

    const resumed = await employee.started(slug);
    expect(resumed.id).toBe(v1.id);
    expect(resumed.assessment).toEqual(v1.assessment);
    expect(itemOf(resumed, "separate-outcome").prompt).toBe(
      "I judge a decision by what we knew when we made it.",
    );

    // The answers go to the pinned version's items and are scored against them:
    // decision-quality 4 + 4 + 0 of 0–9 → 88.9 → 89; responsibility 1 of 0–3 → 33;
    // learning-from-failure 2 of 0–2 → 100.
    await employee.answered(v1, {
      "sunk-cost": 1,
      "late-project": "escalate",
      mindset: "learn",
      reflect: { text: "The one about the budget." },
    });
    const result = await employee.submitted(v1.id, "pinned");
    expect(
      result.scores.map(({ skill, score, band, answeredItems }) => ({
        skill: skill.slug,
        score,
        band,
        answeredItems,
      })),
    ).toEqual([
      { skill: "responsibility", score: 33, band: "EMERGING", answeredItems: 1 },
      { skill: "decision-quality", score: 89, band: "STRONG", answeredItems: 3 },
      { skill: "learning-from-failure", score: 100, band: "STRONG", answeredItems: 1 },
    ]);
    expectWellFormedResult(result);
    // The two weakest skills take turns: responsibility, then decision-quality.
    expect(result.recommendedLessons.map((lesson) => lesson.slug)).toEqual([
      "lead-without-a-title",
      "separate-decisions-from-outcomes",
      "guide-people-through-change",
    ]);

    const v2 = await employee.started(slug);
    expect(v2.id).not.toBe(v1.id);
    expect(v2.assessment.version).toBe(2);
    expect(v2.assessment.versionId).not.toBe(v1.assessment.versionId);
    expect(v2.assessment.items.map((item) => item.key)).toEqual([
      "separate-outcome",
      "sunk-cost",
      "late-project",
      "mindset",
      "reflect",
      "reversible-first",
    ]);
    expect(itemOf(v2, "separate-outcome").prompt).toBe(V2_PROMPT);
    // The old attempt still shows the version it was taken on.
    const old = dataOf(await employee.attempt(v1.id)).attempt;
    expect(old?.assessment.version).toBe(1);
    expect(old?.assessment.items).toHaveLength(5);
  });

  it("refuses an item of the new version in an attempt pinned to the old one", async () => {
    const employee = await newEmployee();
    // Pin an attempt to the current version, then publish the next one.
    const pinned = await employee.started(slug);
    const input = validAssessmentInput(slug);
    input.title.en = "Meetings that decide, third edition";
    expect((await app.http(UPDATE, { input }, { token: org.apiKey })).body.errors).toBeUndefined();
    expect((await app.http(PUBLISH, { slug }, { token: org.apiKey })).body.errors).toBeUndefined();
    const current = dataOf(
      await employee.call<{
        assessment: { version: number; items: { id: string; key: string }[] };
      }>(`query($slug: String!) { assessment(slug: $slug) { version items { id key } } }`, {
        slug,
      }),
    ).assessment;
    expect(current.version).toBe(pinned.assessment.version + 1);
    const newItem = current.items.find((item) => item.key === "separate-outcome");
    if (!newItem) throw new Error("the new version has the item");
    expect(newItem.id).not.toBe(itemOf(pinned, "separate-outcome").id);

    expectFailure(await employee.save({ attemptId: pinned.id, itemId: newItem.id, value: 3 }), {
      code: "BAD_USER_INPUT",
      field: "input.itemId",
    });
    expect((await employee.started(slug)).answers).toEqual([]);
  });
});

describe("myAttempts", () => {
  it("lists the caller's own attempts newest first, with scores, filtered and paged", async () => {
    const employee = await newEmployee();
    // X starts first, Y second, then X is submitted and Z started: by submittedAt, else
    // startedAt, the order is Z, X, Y (by startedAt alone it would be Z, Y, X).
    const x = await employee.started("decision-quality");
    const y = await employee.started("excellence");
    await employee.answered(x, BEST_DECISION_QUALITY);
    await employee.submitted(x.id, "x");
    const z = await employee.started("decision-quality");

    // Someone else's attempts, in this organisation and in another, never show up.
    await (await newEmployee()).started("decision-quality");
    await (await Employee.of(app, other, "flow-employee-lister")).started("decision-quality");

    const all = dataOf(await employee.myAttempts()).myAttempts;
    expect(all.nodes.map((node) => node.id)).toEqual([z.id, x.id, y.id]);
    expect(all.edges.map((edge) => edge.node.id)).toEqual([z.id, x.id, y.id]);
    expect(all.totalCount).toBe(3);
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect(all.nodes.map((node) => [node.status, node.assessment.slug])).toEqual([
      ["IN_PROGRESS", "decision-quality"],
      ["SUBMITTED", "decision-quality"],
      ["IN_PROGRESS", "excellence"],
    ]);
    expect(all.nodes[1]?.result?.scores).toEqual([
      { skill: { slug: "decision-quality" }, score: 100, band: "STRONG", answeredItems: 6 },
    ]);
    expect(all.nodes[0]?.result).toBeNull();
    expect(all.nodes[2]?.result).toBeNull();

    const ids = async (variables: Record<string, unknown>) => {
      const page = dataOf(await employee.myAttempts(variables)).myAttempts;
      return { ids: page.nodes.map((node) => node.id), totalCount: page.totalCount };
    };
    expect(await ids({ status: "SUBMITTED" })).toEqual({ ids: [x.id], totalCount: 1 });
    expect(await ids({ status: "IN_PROGRESS" })).toEqual({ ids: [z.id, y.id], totalCount: 2 });
    expect(await ids({ assessment: "decision-quality" })).toEqual({
      ids: [z.id, x.id],
      totalCount: 2,
    });
    expect(await ids({ assessment: "excellence" })).toEqual({ ids: [y.id], totalCount: 1 });
    expect(await ids({ assessment: "excellence", status: "SUBMITTED" })).toEqual({
      ids: [],
      totalCount: 0,
    });

    const seen: string[] = [];
    let after: string | null = null;
    const hasNext: boolean[] = [];
    for (let page = 0; page < 5; page += 1) {
      const list: AttemptListView = dataOf(
        await employee.myAttempts({ first: 1, ...(after ? { after } : {}) }),
      ).myAttempts;
      expect(list.totalCount).toBe(3);
      expect(list.nodes).toHaveLength(1);
      expect(list.pageInfo.endCursor).toBe(list.edges[0]?.cursor);
      seen.push(...list.nodes.map((node) => node.id));
      hasNext.push(list.pageInfo.hasNextPage);
      if (!list.pageInfo.hasNextPage) break;
      after = list.pageInfo.endCursor;
    }
    expect(seen).toEqual([z.id, x.id, y.id]);
    expect(hasNext).toEqual([true, true, false]);
  });

  it("is empty for an employee who has not started anything", async () => {
    const employee = await Employee.of(app, other, "flow-newcomer");
    const list = dataOf(await employee.myAttempts()).myAttempts;
    expect(list).toMatchObject({ totalCount: 0, nodes: [], edges: [] });
    expect(list.pageInfo.hasNextPage).toBe(false);
  });
});
