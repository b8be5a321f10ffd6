import { createTestApp, type TestApp } from "../../../test-support/harness.js";
import { storedReportCells } from "../../../test-support/report-recount.js";
import { ORIGIN } from "../../attempt/__tests__/attempt.fixtures.js";
import type { CreatedOrganization } from "../../organization/organization.service.js";
import { recountReportCells } from "../report-recount.js";
import {
  cohort,
  respond,
  startOfNextMonth,
  teamReport,
  variedChoices,
} from "./team-report.fixtures.js";

// The bulk recount (for data loaded around the API, and for operators) must rebuild exactly
// the cells the API maintains one submission at a time.

let app: TestApp;
let org: CreatedOrganization;
let other: CreatedOrganization;

beforeAll(async () => {
  // Next month as team reports see it, so that this month's responses are reportable.
  app = await createTestApp({ reportNow: startOfNextMonth });
  [org, other] = await Promise.all([
    app.createOrganization({ origins: [ORIGIN] }),
    app.createOrganization({ origins: [ORIGIN] }),
  ]);
  const blue = await cohort(app, org, {
    assessmentSlug: "real-skills-check",
    prefix: "blue",
    size: 4,
    team: "Blue",
    department: "Ops",
  });
  await cohort(app, org, { assessmentSlug: "decision-quality", prefix: "nobody", size: 2 });
  await cohort(app, other, { assessmentSlug: "decision-quality", prefix: "twin", size: 3 });
  // A same-month retake: only the later attempt counts.
  const [first] = blue;
  if (!first) throw new Error("no cohort");
  await respond(first.employee, "real-skills-check", (attempt) => variedChoices(attempt, 99, ""));
});

afterAll(async () => {
  await app.close();
});

const countedIds = (organizationId: string) =>
  app.database.dataSource.query<{ id: string }[]>(
    `SELECT id::text FROM attempt WHERE organization_id = $1 AND counted ORDER BY id`,
    [organizationId],
  );

it("rebuilds exactly the cells and counted attempts the API maintained, and no other organisation's", async () => {
  const { dataSource } = app.database;
  const before = await storedReportCells(dataSource, org.organization.id);
  const counted = await countedIds(org.organization.id);
  const otherBefore = await storedReportCells(dataSource, other.organization.id);
  expect(before.cells.length).toBeGreaterThan(0);
  expect(counted).toHaveLength(6);

  // Wreck the organisation's cells and flags, as a bulk load around the API leaves them.
  await dataSource.query(`DELETE FROM report_skill_cell WHERE organization_id = $1`, [
    org.organization.id,
  ]);
  // Every flag the wrong way round: the replaced attempt counted, the others not.
  await dataSource.query(
    `UPDATE attempt SET counted = NOT counted WHERE organization_id = $1 AND status = 'SUBMITTED'`,
    [org.organization.id],
  );

  const rebuilt = await recountReportCells(dataSource, org.organization.id);
  expect(rebuilt).toEqual({
    cells: before.cells.length,
    skillCells: before.skillCells.length,
    itemCells: before.itemCells.length,
  });
  expect(await storedReportCells(dataSource, org.organization.id)).toEqual(before);
  expect(await countedIds(org.organization.id)).toEqual(counted);
  expect(await storedReportCells(dataSource, other.organization.id)).toEqual(otherBefore);
});

it("makes every team report kept in memory compute again", async () => {
  const cellReads = async () => {
    app.resetQueries();
    await teamReport(app, org.apiKey, { assessmentSlug: "real-skills-check", groupBy: "TEAM" });
    return app.queries.filter((sql) => /\breport_\w*cell\b/.test(sql)).length;
  };
  await cellReads();
  expect(await cellReads()).toBe(0);
  await recountReportCells(app.database.dataSource, org.organization.id);
  expect(await cellReads()).toBe(4);
});
