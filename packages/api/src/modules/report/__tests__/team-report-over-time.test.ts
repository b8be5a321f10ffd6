import type { CreatedOrganization } from "../../organization/organization.service.js";
import { createTestApp, type TestApp } from "../../../test-support/harness.js";
import { Employee, ORIGIN } from "../../attempt/__tests__/attempt.fixtures.js";
import {
  cohort,
  monthOf,
  previousMonth,
  respond,
  teamReport,
  variedChoices,
  type Response,
} from "./team-report.fixtures.js";

// Differencing over time. Within one read every released figure is a sum of whole cells of at
// least minGroupSize people (team-report.test.ts). But the current month's cells keep changing as
// people submit, so two reads minutes apart would differ by exactly the people who submitted in
// between, and an analyst who knows who that was (the one colleague who said "done!" in the team
// chat) would read their result. So only months that have ended are reported: their cells no
// longer change (only an erasure does, docs/analytics.md).

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

/** What the analyst reads now: the default range, and the figures of Blue if shown. */
async function readNow() {
  const report = await teamReport(app, org.apiKey, { assessmentSlug: DQ, groupBy: "TEAM" });
  return { report, blue: report.groups.find((group) => group.key === "Blue") ?? null };
}

const scoreOf = (response: Response) => response.result.scores[0]?.score ?? Number.NaN;

describe("two reads of the same report, before and after one person submits", () => {
  it("are identical: this month is not reported while it runs", async () => {
    const before = await readNow();
    // Blue's five answered this month: not reportable before the month is over.
    expect(before.blue).toBeNull();
    expect(before.report.months.at(-1)).toBe(previousMonth(monthOf(team[0] as Response)));

    const eve = await Employee.of(app, org, "eve", { team: "Blue", department: "Ops" });
    const submitted = await respond(eve, DQ, (attempt) => variedChoices(attempt, 17, ""));
    expect(scoreOf(submitted)).not.toBeNaN();
    expect(await readNow()).toEqual(before);
  });

  it("are identical around a retake in the same month", async () => {
    const [first] = team;
    if (!first) throw new Error("no team");
    const before = await readNow();
    await respond(first.employee, DQ, (attempt) => variedChoices(attempt, 31, ""));
    expect(await readNow()).toEqual(before);
  });

  it("refuses the running month with BAD_USER_INPUT on input.to, naming the last month it can show", async () => {
    const thisMonth = monthOf(team[0] as Response);
    const result = await app.http<unknown>(
      `query($input: TeamReportInput!) { teamReport(input: $input) { from } }`,
      { input: { assessmentSlug: DQ, groupBy: "TEAM", from: thisMonth, to: thisMonth } },
      { token: org.apiKey },
    );
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.to",
    });
    expect(result.body.errors?.[0]?.message).toContain(previousMonth(thisMonth));
  });
});
