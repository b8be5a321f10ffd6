import type { CreatedOrganization } from "../../organization/organization.service.js";
import { createTestApp, type HttpResult, type TestApp } from "../../../test-support/harness.js";
import {
  ARCHIVE,
  CREATE,
  EMPLOYEE_LIST,
  EMPLOYEE_VIEW,
  PUBLISH,
  UPDATE,
  validAssessmentInput,
} from "./authoring.fixtures.js";

let app: TestApp;
let org: CreatedOrganization;
let other: CreatedOrganization;

beforeAll(async () => {
  app = await createTestApp();
  org = await app.createOrganization();
  other = await app.createOrganization();
});

afterAll(async () => {
  await app.close();
});

interface EmployeeView {
  assessment: {
    slug: string;
    version: number;
    title: string;
    items: { key: string; prompt: string }[];
  } | null;
}

const visibleSlugs = async (token?: string) => {
  const { body } = await app.http<{ assessments: { nodes: { slug: string }[] } }>(
    EMPLOYEE_LIST,
    {},
    { token },
  );
  return body.data?.assessments.nodes.map((node) => node.slug) ?? [];
};

describe("authoring an assessment", () => {
  const slug = "meetings-that-decide";

  it("creates a draft that nobody sees yet", async () => {
    const { body } = await app.http(
      CREATE,
      { input: validAssessmentInput(slug) },
      { token: org.apiKey },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      createAssessment: expect.objectContaining({
        slug,
        kind: "COMPOSITE",
        archivedAt: null,
        draft: { version: 1, status: "DRAFT" },
        current: null,
      }),
    });
    const employee = await app.mintToken(org);
    const view = await app.http<EmployeeView>(EMPLOYEE_VIEW, { slug }, { token: employee });
    expect(view.body.data?.assessment).toBeNull();
  });

  it("replaces the draft in place while it is unpublished", async () => {
    const input = validAssessmentInput(slug);
    input.title.en = "Meetings that really decide";
    const { body } = await app.http(UPDATE, { input }, { token: org.apiKey });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      updateAssessmentDraft: { slug, draft: { version: 1, status: "DRAFT" }, current: null },
    });
  });

  it("publishes the draft for its own organisation only", async () => {
    const { body } = await app.http(PUBLISH, { slug }, { token: org.apiKey });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      publishAssessment: {
        slug,
        kind: "COMPOSITE",
        draft: null,
        current: { version: 1, status: "PUBLISHED", publishedAt: expect.any(String) },
      },
    });

    const employee = await app.mintToken(org);
    for (const token of [org.apiKey, employee]) {
      const view = await app.http<EmployeeView>(EMPLOYEE_VIEW, { slug }, { token });
      expect(view.body.data?.assessment).toMatchObject({
        slug,
        version: 1,
        title: "Meetings that really decide",
      });
      expect(view.body.data?.assessment?.items.map((item) => item.key)).toEqual([
        "separate-outcome",
        "sunk-cost",
        "late-project",
        "mindset",
        "reflect",
      ]);
      expect(await visibleSlugs(token)).toContain(slug);
    }
    // Built-in assessments stay visible to the organisation, before its own.
    const own = await visibleSlugs(org.apiKey);
    expect(own[0]).toBe("responsibility");
    expect(own.at(-1)).toBe(slug);

    for (const token of [undefined, other.apiKey, await app.mintToken(other)]) {
      const view = await app.http<EmployeeView>(EMPLOYEE_VIEW, { slug }, { token });
      expect(view.body.errors).toBeUndefined();
      expect(view.body.data?.assessment).toBeNull();
      expect(await visibleSlugs(token)).not.toContain(slug);
    }
  });

  it("turns an edit after publishing into version 2 and leaves version 1 as it was", async () => {
    const input = validAssessmentInput(slug);
    const firstItem = input.items[0];
    if (!firstItem) throw new Error("fixture has items");
    firstItem.prompt.en = "I judge decisions by the information we had.";
    const { body } = await app.http(UPDATE, { input }, { token: org.apiKey });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      updateAssessmentDraft: {
        slug,
        draft: { version: 2, status: "DRAFT" },
        current: { version: 1 },
      },
    });

    // Employees keep getting version 1 until version 2 is published.
    const before = await app.http<EmployeeView>(EMPLOYEE_VIEW, { slug }, { token: org.apiKey });
    expect(before.body.data?.assessment?.version).toBe(1);
    expect(before.body.data?.assessment?.items[0]?.prompt).toBe(
      "I judge a decision by what we knew when we made it.",
    );

    const published = await app.http(PUBLISH, { slug }, { token: org.apiKey });
    expect(published.body.errors).toBeUndefined();
    const after = await app.http<EmployeeView>(EMPLOYEE_VIEW, { slug }, { token: org.apiKey });
    expect(after.body.data?.assessment?.version).toBe(2);
    expect(after.body.data?.assessment?.items[0]?.prompt).toBe(
      "I judge decisions by the information we had.",
    );

    const versions = await app.http<{
      authoredAssessment: {
        versions: { version: number; status: string; items: { prompt: { en: string } }[] }[];
      };
    }>(
      `query($slug: String!) { authoredAssessment(slug: $slug) { versions { version status items { prompt { en } } } } }`,
      { slug },
      { token: org.apiKey },
    );
    const [v2, v1] = versions.body.data?.authoredAssessment.versions ?? [];
    expect(v2).toMatchObject({ version: 2, status: "PUBLISHED" });
    expect(v1).toMatchObject({ version: 1, status: "PUBLISHED" });
    expect(v1?.items[0]?.prompt.en).toBe("I judge a decision by what we knew when we made it.");
  });

  it("shows administrators the scoring of each option", async () => {
    const { body } = await app.http<{
      authoredAssessment: {
        current: {
          items: {
            key: string;
            skill: string | null;
            reverseScored: boolean;
            options: { key: string; skillPoints: { skill: string; points: number }[] }[];
          }[];
        };
      };
    }>(
      `query($slug: String!) { authoredAssessment(slug: $slug) {
         current { items { key skill reverseScored options { key skillPoints { skill points } } } }
       } }`,
      { slug },
      { token: org.apiKey },
    );
    expect(body.errors).toBeUndefined();
    const items = body.data?.authoredAssessment.current.items ?? [];
    expect(items[1]).toMatchObject({
      key: "sunk-cost",
      skill: "decision-quality",
      reverseScored: true,
    });
    expect(items[2]?.options[0]?.skillPoints).toEqual(
      expect.arrayContaining([
        { skill: "responsibility", points: 3 },
        { skill: "decision-quality", points: 1 },
      ]),
    );
    expect(items[2]?.options[2]?.skillPoints).toEqual([]);
  });

  it("says there is nothing to publish when no draft is waiting", async () => {
    const { body } = await app.http(PUBLISH, { slug }, { token: org.apiKey });
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      problems: [{ path: "slug", message: "has no draft to publish" }],
    });
  });

  it("archives: hidden from employees and listings, still readable by its administrators", async () => {
    const { body } = await app.http<{ archiveAssessment: { archivedAt: string | null } }>(
      ARCHIVE,
      { slug },
      { token: org.apiKey },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.archiveAssessment.archivedAt).toEqual(expect.any(String));

    const view = await app.http<EmployeeView>(
      EMPLOYEE_VIEW,
      { slug },
      { token: await app.mintToken(org) },
    );
    expect(view.body.data?.assessment).toBeNull();
    expect(await visibleSlugs(org.apiKey)).not.toContain(slug);

    const admin = await app.http<{
      authoredAssessments: { nodes: { slug: string; archivedAt: string | null }[] };
    }>(`{ authoredAssessments { nodes { slug archivedAt } } }`, {}, { token: org.apiKey });
    expect(admin.body.data?.authoredAssessments.nodes).toEqual([
      { slug, archivedAt: expect.any(String) },
    ]);

    const edit = await app.http(
      UPDATE,
      { input: validAssessmentInput(slug) },
      { token: org.apiKey },
    );
    expect(edit.body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      problems: [{ path: "input.slug", message: expect.stringContaining("archived") }],
    });
  });
});

describe("slugs", () => {
  it("refuses a built-in slug", async () => {
    const { body } = await app.http(
      CREATE,
      { input: validAssessmentInput("decision-quality") },
      { token: org.apiKey },
    );
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.slug",
      problems: [{ path: "input.slug", message: '"decision-quality" is a built-in assessment' }],
    });
  });

  it("refuses a slug the organisation already uses, but lets another organisation use it", async () => {
    const input = validAssessmentInput("shared-name");
    expect((await app.http(CREATE, { input }, { token: org.apiKey })).body.errors).toBeUndefined();
    const again = await app.http(CREATE, { input }, { token: org.apiKey });
    expect(again.body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      problems: [{ path: "input.slug", message: expect.stringContaining("already used") }],
    });
    expect(
      (await app.http(CREATE, { input }, { token: other.apiKey })).body.errors,
    ).toBeUndefined();

    // Each organisation publishes and sees its own.
    await app.http(PUBLISH, { slug: "shared-name" }, { token: other.apiKey });
    const mine = await app.http<EmployeeView>(
      EMPLOYEE_VIEW,
      { slug: "shared-name" },
      { token: org.apiKey },
    );
    expect(mine.body.data?.assessment).toBeNull();
    const theirs = await app.http<EmployeeView>(
      EMPLOYEE_VIEW,
      { slug: "shared-name" },
      { token: other.apiKey },
    );
    expect(theirs.body.data?.assessment?.slug).toBe("shared-name");
  });
});

describe("another organisation's assessments", () => {
  it("behave like unknown ones", async () => {
    const input = validAssessmentInput("theirs-only");
    await app.http(CREATE, { input }, { token: other.apiKey });
    for (const [query, variables] of [
      [PUBLISH, { slug: "theirs-only" }],
      [ARCHIVE, { slug: "theirs-only" }],
      [UPDATE, { input }],
      [PUBLISH, { slug: "no-such-assessment" }],
      // A built-in assessment is nobody's to publish.
      [PUBLISH, { slug: "decision-quality" }],
    ] as const) {
      const { body } = await app.http(query, variables, { token: org.apiKey });
      expect(body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
    const read = await app.http<{ authoredAssessment: unknown }>(
      `{ authoredAssessment(slug: "theirs-only") { slug } }`,
      {},
      { token: org.apiKey },
    );
    expect(read.body.data?.authoredAssessment).toBeNull();
  });
});

describe("the administrators' view", () => {
  it("loads every assessment's versions, items and options in a fixed number of statements", async () => {
    await app.http(`{ viewer { kind } }`, {}, { token: org.apiKey }); // settles last_used_at
    app.resetQueries();
    const { body } = await app.http<{ authoredAssessments: { nodes: unknown[] } }>(
      `{ authoredAssessments { totalCount nodes { slug current { version } draft { version }
           versions { version items { key skill options { key skillPoints { skill points } } } } } } }`,
      {},
      { token: org.apiKey },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.authoredAssessments.nodes.length).toBeGreaterThanOrEqual(2);
    // key lookup, page, total, versions, items, options, skills of LIKERT items
    expect(app.queries.length).toBeLessThanOrEqual(7);
  });

  it("pages through the organisation's assessments by slug", async () => {
    const query = `query($after: String) {
      authoredAssessments(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { slug } }
    }`;
    interface Page {
      authoredAssessments: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: { slug: string }[];
      };
    }
    const slugs: string[] = [];
    let after: string | null = null;
    const totals: number[] = [];
    for (;;) {
      const result: HttpResult<Page> = await app.http<Page>(
        query,
        { after },
        { token: org.apiKey },
      );
      const page: Page["authoredAssessments"] | undefined = result.body.data?.authoredAssessments;
      if (!page) throw new Error("no page");
      totals.push(page.totalCount);
      slugs.push(...page.nodes.map((node) => node.slug));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(slugs).toEqual(["meetings-that-decide", "shared-name"]);
    expect(totals).toEqual([2, 2]);
  });
});
