import type { CreatedOrganization } from "../../organization/organization.service.js";
import { createTestApp, type TestApp } from "../../../test-support/harness.js";
import { Employee, ORIGIN } from "../../attempt/__tests__/attempt.fixtures.js";
import {
  cohort,
  groupOf,
  respond,
  teamReport,
  variedChoices,
  type Response,
} from "./team-report.fixtures.js";

// Differencing over time. Within one moment every released figure is a sum of whole cells of at
// least minGroupSize people (team-report.test.ts). But a cell of the current month keeps
// changing as people submit, so two reports read a few minutes apart differ by exactly the
// people who submitted in between. An analyst who knows who that was (the one colleague who said
// "done!" in the team chat; the one who was asked to retake) reads their result.
//
// These tests state what design §4 promises ("HR sees aggregates only") for two reads of the
// same report at two times. They FAIL against the current design: see the report to the lead.

const DQ = "decision-quality";

let app: TestApp;
let org: CreatedOrganization;
let team: Response[];

beforeAll(async () => {
  app = await createTestApp();
  org = await app.createOrganization({ origins: [ORIGIN] });
  team = await cohort(app, org, {
    assessmentSlug: DQ,
    prefix: "blue",
    size: 5,
    team: "Blue",
    department: "Ops",
  });
});

afterAll(async () => {
  await app.close();
});

/** Blue's figures for its one skill, as the analyst reads them now. */
async function blueNow() {
  const report = await teamReport(app, org.apiKey, { assessmentSlug: DQ, groupBy: "TEAM" });
  const blue = groupOf(report, "Blue");
  const [skill] = blue.skills;
  if (!skill || blue.participants === null) throw new Error("Blue is not shown");
  return {
    participants: blue.participants,
    sum: skill.mean * skill.participants,
    bands: skill.bands,
  };
}

const scoreOf = (response: Response) => response.result.scores[0]?.score ?? Number.NaN;

describe("two reads of the same report, before and after one person submits", () => {
  it("do not reveal that person's score", async () => {
    const before = await blueNow();
    expect(before.participants).toBe(5);

    const eve = await Employee.of(app, org, "eve", { team: "Blue", department: "Ops" });
    const submitted = await respond(eve, DQ, (attempt) => variedChoices(attempt, 17, ""));

    const after = await blueNow();
    // The analyst subtracts: one more person, and the sum grew by exactly Eve's score.
    expect(after.participants - before.participants).toBe(1);
    expect(after.sum - before.sum).not.toBeCloseTo(scoreOf(submitted), 6);
  });

  it("do not reveal how a retake in the same month changed one person's score", async () => {
    const [first] = team;
    if (!first) throw new Error("no team");
    const before = await blueNow();
    let retake = first;
    for (let seed = 30; scoreOf(retake) === scoreOf(first) && seed < 40; seed += 1) {
      retake = await respond(first.employee, DQ, (attempt) => variedChoices(attempt, seed, ""));
    }
    const after = await blueNow();
    expect(after.participants).toBe(before.participants);
    // The count did not move, so the whole change of the sum is this one person's change.
    expect(after.sum - before.sum).not.toBeCloseTo(scoreOf(retake) - scoreOf(first), 6);
  });
});
