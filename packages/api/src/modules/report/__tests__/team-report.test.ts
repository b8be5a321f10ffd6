import type { CreatedOrganization } from "../../organization/organization.service.js";
import { createTestApp, type TestApp } from "../../../test-support/harness.js";
import { dataOf, ORIGIN } from "../../attempt/__tests__/attempt.fixtures.js";
import {
  cohort,
  cronbachAlpha,
  errorOf,
  expectCellsToMatchRecount,
  figuresOf,
  groupOf,
  mean,
  monthOf,
  moveToPreviousMonth,
  pointsOf,
  previousMonth,
  startOfNextMonth,
  respond,
  sampleVariance,
  scaleItems,
  sumsOf,
  teamReport,
  teamReportCall,
  teamReportCsv,
  variedChoices,
  TEAM_REPORT_CSV,
  type ReportGroupView,
  type Response,
  type TeamReportView,
} from "./team-report.fixtures.js";

// HR's team reports over real HTTP, checked against what the employees themselves answered and
// were shown. Two organisations share the app:
//
// `org` (minGroupSize 5, decision-quality): team Alpha in Ops answered as 5 people last month
// (`alphaLast`) and 4 more this month (`alphaNow`); this month also 4 people of a team named like
// a spreadsheet formula in Ops, and 1 person of team "+1" in Sales. Every one of them wrote
// SECRET in the reflection.
//
// `twin` (minGroupSize set to 3; same team and department names): 3 people of Alpha and 2 of
// Beta answered the composite real-skills-check; its decision-quality data belongs to the
// retake tests.

const DQ = "decision-quality";
const COMPOSITE = "real-skills-check";
const SECRET = "zebra-fjord-7731 private words";
const FORMULA_TEAM = '=HYPERLINK("https://evil.example","click, me")';

let app: TestApp;
let org: CreatedOrganization;
let twin: CreatedOrganization;
let analystKey: string;
let alphaLast: Response[];
let twinAlpha: Response[];
let twinAtFive: TeamReportView;
let thisMonth: string;
let lastMonth: string;

beforeAll(async () => {
  // Reports show months that have ended; read them from next month, so that this month's
  // submissions are reportable (team-report-over-time.test.ts checks the real clock).
  app = await createTestApp({ reportNow: startOfNextMonth });
  [org, twin] = await Promise.all([
    app.createOrganization({ origins: [ORIGIN] }),
    app.createOrganization({ origins: [ORIGIN] }),
  ]);
  const created = await app.http<{ createApiKey: { key: string } }>(
    `mutation { createApiKey(input: { name: "HR tool", role: ANALYST }) { key } }`,
    {},
    { token: org.apiKey },
  );
  analystKey = dataOf(created).createApiKey.key;

  const ofOrg = { assessmentSlug: DQ, reflection: SECRET };
  alphaLast = await cohort(app, org, {
    ...ofOrg,
    prefix: "alpha-last",
    size: 5,
    team: "Alpha",
    department: "Ops",
  });
  thisMonth = monthOf(alphaLast[0] as Response);
  lastMonth = previousMonth(thisMonth);
  await moveToPreviousMonth(app, alphaLast, {
    organizationId: org.organization.id,
    team: "Alpha",
    department: "Ops",
  });
  [, , , twinAlpha] = await Promise.all([
    cohort(app, org, {
      ...ofOrg,
      prefix: "alpha-now",
      size: 4,
      team: "Alpha",
      department: "Ops",
      seed: 7,
    }),
    cohort(app, org, {
      ...ofOrg,
      prefix: "formula",
      size: 4,
      team: FORMULA_TEAM,
      department: "Ops",
      seed: 3,
    }),
    cohort(app, org, {
      ...ofOrg,
      prefix: "plus-one",
      size: 1,
      team: "+1",
      department: "Sales",
      seed: 5,
    }),
    cohort(app, twin, {
      assessmentSlug: COMPOSITE,
      prefix: "twin-alpha",
      size: 3,
      team: "Alpha",
      department: "Ops",
    }),
    cohort(app, twin, {
      assessmentSlug: COMPOSITE,
      prefix: "twin-beta",
      size: 2,
      team: "Beta",
      department: "Ops",
      seed: 4,
    }),
  ]);

  twinAtFive = await teamReport(app, twin.apiKey, { assessmentSlug: COMPOSITE });
  const updated = await app.http(
    `mutation { updateOrganizationSettings(input: { minGroupSize: 3 }) { minGroupSize } }`,
    {},
    { token: twin.apiKey },
  );
  expect(dataOf(updated)).toEqual({ updateOrganizationSettings: { minGroupSize: 3 } });
});

afterAll(async () => {
  await app.close();
});

const SUPPRESSED = {
  suppressed: true,
  suppressionReason: "BELOW_MIN_GROUP_SIZE",
  participants: null,
  skills: [],
  trend: [],
};

const report = (input: Partial<Parameters<typeof teamReport>[2]> = {}) =>
  teamReport(app, org.apiKey, { assessmentSlug: DQ, ...input });

describe("suppression at minGroupSize", () => {
  it("shows a team of exactly 5 and lists a team of 4 as suppressed, with the reason and no figures", async () => {
    const byTeam = await report({ groupBy: "TEAM" });
    expect(byTeam.minGroupSize).toBe(5);
    expect(byTeam.groups.map((group) => group.key)).toEqual(["+1", FORMULA_TEAM, "Alpha"]);
    expect(groupOf(byTeam, FORMULA_TEAM)).toEqual({ key: FORMULA_TEAM, ...SUPPRESSED });
    expect(groupOf(byTeam, "+1")).toEqual({ key: "+1", ...SUPPRESSED });

    const alpha = groupOf(byTeam, "Alpha");
    // Alpha's 4 people this month are a cell of their own, below 5: counted nowhere.
    expect(alpha).toMatchObject({ suppressed: false, suppressionReason: null, participants: 5 });
    expect(alpha.skills.map((skill) => [skill.skill.slug, skill.participants])).toEqual([[DQ, 5]]);
    const trend = Object.fromEntries(alpha.trend.map((point) => [point.month, point]));
    expect(trend[lastMonth]?.participants).toBe(5);
    expect(trend[thisMonth]).toEqual({ month: thisMonth, participants: 0, skills: [] });
  });

  it("applies a minGroupSize set with updateOrganizationSettings: 3 shown, 2 suppressed", async () => {
    expect(twinAtFive.minGroupSize).toBe(5);
    expect(twinAtFive.overall).toMatchObject({ key: "", ...SUPPRESSED });
    expect(twinAtFive.groups).toEqual([
      { key: "Alpha", ...SUPPRESSED },
      { key: "Beta", ...SUPPRESSED },
    ]);

    const atThree = await teamReport(app, twin.apiKey, { assessmentSlug: COMPOSITE });
    expect(atThree.minGroupSize).toBe(3);
    expect(groupOf(atThree, "Alpha")).toMatchObject({ suppressed: false, participants: 3 });
    expect(groupOf(atThree, "Beta")).toEqual({ key: "Beta", ...SUPPRESSED });
    expect(figuresOf(atThree.overall)).toEqual(figuresOf(groupOf(atThree, "Alpha")));
  });
});

describe("differencing attacks reveal nothing", () => {
  function expectZero(difference: ReturnType<typeof sumsOf>) {
    expect(difference.participants).toBe(0);
    for (const skill of Object.values(difference.skills)) {
      expect(skill.n).toBe(0);
      expect(skill.sum).toBeCloseTo(0, 6);
      expect(skill.sumSquares).toBeCloseTo(0, 4);
      expect([skill.emerging, skill.developing, skill.strong]).toEqual([0, 0, 0]);
    }
  }

  function minus(total: ReportGroupView, groups: readonly ReportGroupView[]) {
    const result = sumsOf(total);
    for (const group of groups.filter((candidate) => !candidate.suppressed)) {
      const sums = sumsOf(group);
      result.participants -= sums.participants;
      for (const [slug, skill] of Object.entries(sums.skills)) {
        const target = result.skills[slug];
        if (!target) throw new Error(`group has skill ${slug} that the total lacks`);
        target.n -= skill.n;
        target.sum -= skill.sum;
        target.sumSquares -= skill.sumSquares;
        target.emerging -= skill.emerging;
        target.developing -= skill.developing;
        target.strong -= skill.strong;
      }
    }
    return result;
  }

  it("(a) the organisation total minus the visible groups is zero people and zero sums", async () => {
    for (const groupBy of ["TEAM", "DEPARTMENT"] as const) {
      const byGroup = await report({ groupBy });
      expect(byGroup.groups.some((group) => group.suppressed)).toBe(true);
      expect(byGroup.overall.participants).toBe(5);
      expectZero(minus(byGroup.overall, byGroup.groups));
    }
  });

  it("(b) a department holding a team of 5 and a team of 4 shows exactly the team of 5", async () => {
    const byTeam = await report({ groupBy: "TEAM" });
    const byDepartment = await report({ groupBy: "DEPARTMENT" });
    expect(byDepartment.groups.map((group) => group.key)).toEqual(["Ops", "Sales"]);
    expect(groupOf(byDepartment, "Sales")).toEqual({ key: "Sales", ...SUPPRESSED });
    const ops = groupOf(byDepartment, "Ops");
    expect({ ...ops, key: "Alpha" }).toEqual(groupOf(byTeam, "Alpha"));
    expectZero(minus(ops, [groupOf(byTeam, "Alpha")]));
  });

  it("(c) a range that adds a month of 4 people equals the range without it", async () => {
    const oneMonth = await report({ groupBy: "TEAM", from: lastMonth, to: lastMonth });
    const twoMonths = await report({ groupBy: "TEAM", from: lastMonth, to: thisMonth });
    expect(oneMonth.months).toEqual([lastMonth]);
    expect(twoMonths.months).toEqual([lastMonth, thisMonth]);
    for (const [one, two] of [
      [oneMonth.overall, twoMonths.overall],
      [groupOf(oneMonth, "Alpha"), groupOf(twoMonths, "Alpha")],
    ] as const) {
      expect(figuresOf(two)).toEqual(figuresOf(one));
      expect(two.trend).toEqual([...one.trend, { month: thisMonth, participants: 0, skills: [] }]);
    }
    // The month alone: nothing but suppressed groups, and no total.
    const now = await report({ groupBy: "TEAM", from: thisMonth, to: thisMonth });
    expect(now.overall).toEqual({ key: "", ...SUPPRESSED });
    expect(now.groups.every((group) => group.suppressed)).toBe(true);
    await expectCellsToMatchRecount(app);
  });

  it("(d) ORGANIZATION, TEAM and DEPARTMENT reports agree on the overall figures", async () => {
    const [byOrganization, byTeam, byDepartment] = await Promise.all(
      (["ORGANIZATION", "TEAM", "DEPARTMENT"] as const).map((groupBy) => report({ groupBy })),
    );
    expect(byOrganization?.groups).toEqual([byOrganization?.overall]);
    expect(byTeam?.overall).toEqual(byOrganization?.overall);
    expect(byDepartment?.overall).toEqual(byOrganization?.overall);
  });
});

describe("statistics equal those computed from the employees' own results", () => {
  async function expectSkillFigures(group: ReportGroupView, responses: readonly Response[]) {
    const [first] = responses;
    if (!first) throw new Error("no responses");
    const items = await scaleItems(app, first.attempt.assessment.versionId);
    const points = responses.map((response) => pointsOf(items, response.choices));
    const slugs = first.result.scores.map((score) => score.skill.slug);
    expect(group.skills.map((skill) => skill.skill.slug).sort()).toEqual([...slugs].sort());
    let alphas = 0;
    for (const skill of group.skills) {
      const scores = responses.map((response) => {
        const score = response.result.scores.find((s) => s.skill.slug === skill.skill.slug);
        if (!score) throw new Error(`no score for ${skill.skill.slug}`);
        return score;
      });
      const values = scores.map((score) => score.score);
      expect(skill.participants).toBe(responses.length);
      expect(skill.mean).toBeCloseTo(mean(values), 9);
      expect(skill.standardDeviation).toBeCloseTo(Math.sqrt(sampleVariance(values)), 9);
      const count = (band: string) => scores.filter((score) => score.band === band).length;
      expect(skill.bands).toEqual({
        emerging: count("EMERGING"),
        developing: count("DEVELOPING"),
        strong: count("STRONG"),
      });

      const keys = [...(points[0]?.get(skill.skill.slug)?.keys() ?? [])];
      const matrix = points.map((person) =>
        keys.map((key) => person.get(skill.skill.slug)?.get(key) ?? Number.NaN),
      );
      const alpha = cronbachAlpha(matrix);
      if (alpha === null) {
        expect(skill.reliability).toBeNull();
        continue;
      }
      alphas += 1;
      expect(skill.reliability).toMatchObject({
        participants: responses.length,
        items: keys.length,
        versionNumber: first.attempt.assessment.version,
      });
      expect(skill.reliability?.cronbachAlpha).toBeCloseTo(alpha, 9);
    }
    return alphas;
  }

  it("decision-quality for a team of 5: mean, standard deviation, bands and Cronbach's α", async () => {
    const alpha = groupOf(await report({ groupBy: "TEAM" }), "Alpha");
    expect(await expectSkillFigures(alpha, alphaLast)).toBe(1);
  });

  it("every skill of the composite, whose choice items weigh several skills", async () => {
    const atThree = await teamReport(app, twin.apiKey, { assessmentSlug: COMPOSITE });
    const alpha = groupOf(atThree, "Alpha");
    expect(alpha.skills.length).toBeGreaterThan(5);
    // Skills measured by one item have no α; all others must have one here.
    expect(await expectSkillFigures(alpha, twinAlpha)).toBeGreaterThanOrEqual(3);
  });
});

describe("free text", () => {
  it("never appears in any report or export, though every employee wrote it", async () => {
    const [stored] = await app.database.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM answer WHERE text = $1`,
      [SECRET],
    );
    expect(stored?.count).toBe(14);
    for (const groupBy of ["ORGANIZATION", "TEAM", "DEPARTMENT"] as const) {
      for (const range of [{}, { from: lastMonth, to: thisMonth }]) {
        const input = { assessmentSlug: DQ, groupBy, ...range };
        const json = JSON.stringify(await teamReport(app, org.apiKey, input));
        const csv = await teamReportCsv(app, org.apiKey, input);
        expect(json).not.toContain("zebra");
        expect(csv).not.toContain("zebra");
      }
    }
  });
});

describe("retakes", () => {
  it("replace the same month's response and count again the next month", async () => {
    const dq = (input: { from?: string; to?: string } = {}) =>
      teamReport(app, twin.apiKey, { assessmentSlug: DQ, groupBy: "TEAM", ...input });
    const scoreOf = (response: Response) => response.result.scores[0]?.score ?? Number.NaN;
    const first = await cohort(app, twin, {
      assessmentSlug: DQ,
      prefix: "retake",
      size: 3,
      team: "Alpha",
      department: "Ops",
      seed: 11,
    });
    await moveToPreviousMonth(app, first, {
      organizationId: twin.organization.id,
      team: "Alpha",
      department: "Ops",
    });
    const again = await Promise.all(
      first.map((response, index) =>
        respond(response.employee, DQ, (attempt) => variedChoices(attempt, 20 + index, "")),
      ),
    );
    let both = await dq({ from: lastMonth, to: thisMonth });
    expect(both.overall.participants).toBe(6);
    expect(both.overall.trend.map((point) => [point.month, point.participants])).toEqual([
      [lastMonth, 3],
      [thisMonth, 3],
    ]);
    expect(both.overall.trend[0]?.skills[0]?.mean).toBeCloseTo(mean(first.map(scoreOf)), 9);
    expect(both.overall.trend[1]?.skills[0]?.mean).toBeCloseTo(mean(again.map(scoreOf)), 9);

    // Find a retake that scores differently, so that replacing is visible in the figures.
    const [retaker, ...others] = again as [Response, ...Response[]];
    let latest = retaker;
    for (let seed = 40; scoreOf(latest) === scoreOf(retaker) && seed < 50; seed += 1) {
      latest = await respond(retaker.employee, DQ, (attempt) => variedChoices(attempt, seed, ""));
    }
    both = await dq({ from: lastMonth, to: thisMonth });
    const expected = [latest, ...others].map(scoreOf);
    expect(both.overall.participants).toBe(6);
    expect(both.overall.trend[0]?.skills[0]?.mean).toBeCloseTo(mean(first.map(scoreOf)), 9);
    expect(both.overall.trend[1]?.participants).toBe(3);
    expect(both.overall.trend[1]?.skills[0]?.mean).toBeCloseTo(mean(expected), 9);
    const now = await dq({ from: thisMonth, to: thisMonth });
    expect(groupOf(now, "Alpha").skills[0]).toMatchObject({ participants: 3 });
    expect(groupOf(now, "Alpha").skills[0]?.mean).toBeCloseTo(mean(expected), 9);
    expect(groupOf(now, "Alpha").skills[0]?.standardDeviation).toBeCloseTo(
      Math.sqrt(sampleVariance(expected)),
      9,
    );
    await expectCellsToMatchRecount(app);
  });
});

describe("tenants", () => {
  it("never see each other's responses, though their teams are named alike", async () => {
    const mine = await report({ groupBy: "TEAM", from: lastMonth, to: thisMonth });
    expect(groupOf(mine, "Alpha").participants).toBe(5);
    const theirs = await teamReport(app, twin.apiKey, { assessmentSlug: COMPOSITE });
    expect(theirs.groups.map((group) => group.key)).toEqual(["Alpha", "Beta"]);
    expect(groupOf(theirs, "Alpha").participants).toBe(3);
    // The twin's decision-quality responses (retakes) are its own: never in `org`'s figures.
    const [counted] = await app.database.dataSource.query<{ count: number }[]>(
      `SELECT sum(responses)::int AS count FROM report_cell WHERE organization_id = $1`,
      [org.organization.id],
    );
    expect(counted?.count).toBe(14);
  });
});

describe("access and errors", () => {
  const input = { assessmentSlug: DQ, groupBy: "TEAM" as const };

  it("lets ADMIN and ANALYST keys and analyst embed tokens read the report", async () => {
    const analystToken = await app.mintToken(org, { sub: "hr-person", role: "analyst" });
    const expected = await teamReport(app, org.apiKey, input);
    for (const token of [analystKey, analystToken]) {
      expect(await teamReport(app, token, input)).toEqual(expected);
    }
  });

  it("refuses employees, anonymous callers and non-admins for the CSV", async () => {
    // An admin's report and CSV are kept in memory from here on: the refusals must still hold.
    await teamReport(app, org.apiKey, input);
    await teamReportCsv(app, org.apiKey, input);
    const employeeToken = await app.mintToken(org, { sub: "alpha-last-0", team: "Alpha" });
    const analystToken = await app.mintToken(org, { sub: "hr-person", role: "analyst" });
    const cases: [string | undefined, string, string][] = [
      [employeeToken, "report", "FORBIDDEN"],
      [employeeToken, "csv", "FORBIDDEN"],
      [analystKey, "csv", "FORBIDDEN"],
      [analystToken, "csv", "FORBIDDEN"],
      [undefined, "report", "UNAUTHENTICATED"],
      [undefined, "csv", "UNAUTHENTICATED"],
    ];
    for (const [token, operation, code] of cases) {
      const result =
        operation === "report"
          ? await teamReportCall(app, token, input)
          : await app.http(TEAM_REPORT_CSV, { input }, { token, origin: ORIGIN });
      expect([operation, errorOf(result)?.code]).toEqual([operation, code]);
      expect(result.body.data ?? null).toBeNull();
      expect(result.status).toBeLessThan(500);
    }
  });

  it("answers NOT_FOUND for an unknown assessment and BAD_USER_INPUT naming the field", async () => {
    const cases: [Record<string, unknown>, string, string | undefined][] = [
      [{ assessmentSlug: "no-such-assessment" }, "NOT_FOUND", undefined],
      [{ from: "2026-13" }, "BAD_USER_INPUT", "input.from"],
      [{ from: "2026-1" }, "BAD_USER_INPUT", "input.from"],
      [{ from: "2026-01-01" }, "BAD_USER_INPUT", "input.from"],
      [{ to: "" }, "BAD_USER_INPUT", "input.to"],
      [{ to: "26-01" }, "BAD_USER_INPUT", "input.to"],
      [{ to: "2026-00" }, "BAD_USER_INPUT", "input.to"],
      [{ from: "2026-03", to: "2026-02" }, "BAD_USER_INPUT", "input.from"],
      [{ from: "2023-01", to: "2026-01" }, "BAD_USER_INPUT", "input.to"],
      // Year 0 is not a PostgreSQL date: once a 500.
      [{ from: "0000-01", to: "2026-01" }, "BAD_USER_INPUT", "input.from"],
      [{ to: "0001-03" }, "BAD_USER_INPUT", "input.to"],
    ];
    for (const [override, code, field] of cases) {
      const result = await teamReportCall(app, analystKey, { ...input, ...override });
      expect([override, errorOf(result)?.code, errorOf(result)?.field]).toEqual([
        override,
        code,
        field,
      ]);
      expect(result.status).toBeLessThan(500);
    }
    // 36 months is the longest range, and is fine.
    const longest = await teamReport(app, analystKey, { ...input, from: "2023-02", to: "2026-01" });
    expect(longest.months).toHaveLength(36);
  });
});

describe("CSV", () => {
  /** RFC 4180 fields, CRLF records. */
  function parseCsv(text: string): string[][] {
    expect(text.endsWith("\r\n")).toBe(true);
    const records: string[][] = [];
    let record: string[] = [];
    let field = "";
    let quoted = false;
    for (let index = 0; index < text.length; index += 1) {
      const char = text.charAt(index);
      if (quoted) {
        if (char === '"' && text[index + 1] === '"') {
          field += '"';
          index += 1;
        } else if (char === '"') quoted = false;
        else field += char;
      } else if (char === '"') quoted = true;
      else if (char === ",") {
        record.push(field);
        field = "";
      } else if (char === "\r" && text[index + 1] === "\n") {
        record.push(field);
        records.push(record);
        record = [];
        field = "";
        index += 1;
      } else field += char;
    }
    return records;
  }

  it("holds exactly the GraphQL report, with formula-like names neutralised", async () => {
    const input = { assessmentSlug: DQ, groupBy: "TEAM" as const, from: lastMonth, to: thisMonth };
    const [csv, graph] = await Promise.all([
      teamReportCsv(app, org.apiKey, input),
      teamReport(app, org.apiKey, input),
    ]);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""click, me"")"`);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([
      "scope",
      "group_by",
      "group",
      "month",
      "skill",
      "participants",
      "mean",
      "standard_deviation",
      "emerging",
      "developing",
      "strong",
      "cronbach_alpha",
      "alpha_participants",
      "suppressed",
      "suppression_reason",
    ]);
    const round = (value: number | null | undefined) =>
      value == null ? "" : String(Math.round(value * 1000) / 1000);
    const expected: string[][] = [];
    const groups = [
      ["overall", graph.overall],
      ...graph.groups.map((g) => ["group", g] as const),
    ] as const;
    for (const [scope, group] of groups) {
      const key = /^[=+\-@]/.test(group.key) ? `'${group.key}` : group.key;
      const base = [scope, "TEAM", key];
      if (group.suppressed) {
        expected.push([
          ...base,
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "",
          "true",
          "BELOW_MIN_GROUP_SIZE",
        ]);
        continue;
      }
      for (const skill of group.skills) {
        expected.push([
          ...base,
          "",
          skill.skill.slug,
          String(skill.participants),
          round(skill.mean),
          round(skill.standardDeviation),
          String(skill.bands.emerging),
          String(skill.bands.developing),
          String(skill.bands.strong),
          round(skill.reliability?.cronbachAlpha),
          String(skill.reliability?.participants ?? ""),
          "false",
          "",
        ]);
      }
      for (const point of group.trend) {
        for (const skill of point.skills) {
          expected.push([
            ...base,
            point.month,
            skill.skill.slug,
            String(point.participants),
            round(skill.mean),
            "",
            "",
            "",
            "",
            "",
            "",
            "false",
            "",
          ]);
        }
      }
    }
    expect(rows).toEqual(expected);
    expect(rows.map((row) => row[2])).toEqual(
      expect.arrayContaining(["'+1", `'${FORMULA_TEAM}`, "Alpha"]),
    );
  });
});

describe("cost", () => {
  const run = async (token: string, slug: string, groupBy: "TEAM" | "DEPARTMENT") => {
    app.resetQueries();
    const report = await teamReport(app, token, { assessmentSlug: slug, groupBy });
    const queries = [...app.queries];
    for (const sql of queries) expect(sql).not.toMatch(/\b(attempt|answer)\b/i);
    return { report, statements: queries.length, cellReads: queries.filter(isCellRead).length };
  };
  const isCellRead = (sql: string) => /\breport_\w*cell\b/.test(sql);
  const more = (prefix: string, seed: number) =>
    cohort(app, org, {
      assessmentSlug: DQ,
      prefix,
      size: 3,
      team: "Alpha",
      department: "Ops",
      seed,
    });

  it("is a fixed number of statements that never read attempts or answers", async () => {
    // New responses in a month the report covers: every report of it is computed afresh.
    await more("cost", 8);
    const team = await run(org.apiKey, DQ, "TEAM");
    expect(team.cellReads).toBe(4);
    expect((await run(org.apiKey, DQ, "DEPARTMENT")).statements).toBe(team.statements);
    // More attempts, same statements.
    await more("more", 9);
    expect((await run(org.apiKey, DQ, "TEAM")).statements).toBe(team.statements);
  });

  it("keeps a computed report in memory until a month it covers changes", async () => {
    const first = await run(org.apiKey, DQ, "TEAM");
    const again = await run(org.apiKey, DQ, "TEAM");
    expect(again.cellReads).toBe(0);
    expect(again.report).toEqual(first.report);

    await more("changed", 10);
    const changed = await run(org.apiKey, DQ, "TEAM");
    expect(changed.cellReads).toBe(4);
    expect(changed.report.overall.participants).toBe((first.report.overall.participants ?? 0) + 3);
  });
});
