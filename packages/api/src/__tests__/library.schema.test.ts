import { SKILL_SLUGS } from "@real-skills/shared";
import { createTestApp, type TestApp } from "../test-support/harness.js";

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app.close();
});

interface SkillsData {
  skills: {
    totalCount: number;
    nodes: { slug: string; name: string; lessons: { slug: string; title: string }[] }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const SKILLS = `query Skills($first: Int, $after: String, $locale: Locale) {
  skills(first: $first, after: $after, locale: $locale) {
    totalCount
    nodes { slug name lessons { slug title } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe("skills", () => {
  it("lists the nine skill areas in library order, each with at least two lessons", async () => {
    const { data, errors } = await app.execute<SkillsData>(SKILLS, { first: 50 });
    expect(errors).toBeUndefined();
    expect(data?.skills.nodes.map((s) => s.slug)).toEqual([...SKILL_SLUGS]);
    expect(data?.skills.totalCount).toBe(9);
    for (const skill of data?.skills.nodes ?? []) {
      expect(skill.lessons.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("pages forward with cursors without gaps or repeats", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const result: { data?: SkillsData | null } = await app.execute<SkillsData>(SKILLS, {
        first: 4,
        after,
      });
      const skills = result.data?.skills;
      seen.push(...(skills?.nodes.map((s) => s.slug) ?? []));
      if (!skills?.pageInfo.hasNextPage) break;
      after = skills.pageInfo.endCursor;
    }
    expect(seen).toEqual([...SKILL_SLUGS]);
  });

  it("answers in German when asked by argument or by Accept-Language, in English otherwise", async () => {
    const query = `query($locale: Locale) { skill(slug: "responsibility", locale: $locale) { name lessons { title } } }`;
    type Data = { skill: { name: string; lessons: { title: string }[] } };
    const english = await app.execute<Data>(query);
    const byArgument = await app.execute<Data>(query, { locale: "DE" });
    const byHeader = await app.execute<Data>(
      query,
      {},
      { acceptLanguage: "de-AT,de;q=0.9,en;q=0.5" },
    );
    const argumentWins = await app.execute<Data>(query, { locale: "EN" }, { acceptLanguage: "de" });
    expect(byArgument.data?.skill.name).not.toEqual(english.data?.skill.name);
    expect(byHeader.data).toEqual(byArgument.data);
    expect(argumentWins.data).toEqual(english.data);
    expect(byArgument.data?.skill.lessons[0]?.title).not.toEqual(
      english.data?.skill.lessons[0]?.title,
    );
  });

  it("returns null for an unknown slug and a typed error for a malformed one", async () => {
    const unknown = await app.execute(`{ skill(slug: "juggling") { slug } }`);
    expect(unknown).toEqual({ data: { skill: null } });
    const malformed = await app.execute(
      `{ skill(slug: "Robert'); DROP TABLE skill;--") { slug } }`,
    );
    expect(malformed.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "slug",
    });
  });

  it.each([0, -1, 101])(
    "rejects first: %i with BAD_USER_INPUT naming the argument",
    async (first) => {
      const { errors } = await app.execute(SKILLS, { first });
      expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    },
  );

  it("rejects a cursor it did not issue", async () => {
    const { errors } = await app.execute(SKILLS, { first: 2, after: "not-a-cursor" });
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("rejects one operation asking for two languages", async () => {
    const { errors } = await app.execute(
      `{ a: skill(slug: "excellence", locale: EN) { name } b: skill(slug: "excellence", locale: DE) { name } }`,
    );
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("lesson", () => {
  it("returns the whole lesson with its skill", async () => {
    const skills = await app.execute<SkillsData>(SKILLS, { first: 1 });
    const slug = skills.data?.skills.nodes[0]?.lessons[0]?.slug;
    const { data, errors } = await app.execute<{ lesson: Record<string, unknown> }>(
      `query($slug: String!) { lesson(slug: $slug, locale: DE) {
        slug title minutes keyIdea whyItMatters practice reflectionQuestion skill { slug name } } }`,
      { slug },
    );
    expect(errors).toBeUndefined();
    expect(data?.lesson).toMatchObject({ slug, skill: { slug: "responsibility" } });
    for (const field of ["title", "keyIdea", "whyItMatters", "practice", "reflectionQuestion"]) {
      expect(String(data?.lesson[field]).length).toBeGreaterThan(10);
    }
  });

  it("returns null for an unknown lesson", async () => {
    expect(await app.execute(`{ lesson(slug: "no-such-lesson") { slug } }`)).toEqual({
      data: { lesson: null },
    });
  });
});

describe("assessments", () => {
  type AssessmentsData = {
    assessments: {
      totalCount: number;
      nodes: { slug: string; kind: string; skills: { slug: string }[] }[];
    };
  };

  it("lists every published assessment: one per skill plus the Real Skills Check", async () => {
    const { data } = await app.execute<AssessmentsData>(
      `{ assessments(first: 50) { totalCount nodes { slug kind skills { slug } } } }`,
    );
    expect(data?.assessments.totalCount).toBe(10);
    const check = data?.assessments.nodes.find((a) => a.slug === "real-skills-check");
    expect(check?.kind).toBe("COMPOSITE");
    expect(check?.skills.map((s) => s.slug).sort()).toEqual([...SKILL_SLUGS].sort());
  });

  it("filters by skill", async () => {
    const { data } = await app.execute<AssessmentsData>(
      `{ assessments(skill: "strategic-quitting") { totalCount nodes { slug skills { slug } } } }`,
    );
    expect(data?.assessments.nodes.map((a) => a.slug)).toEqual([
      "strategic-quitting",
      "real-skills-check",
    ]);
    expect(data?.assessments.totalCount).toBe(2);
  });

  it("serves an assessment with 5–8 items of mixed kinds, options, and no scoring weights", async () => {
    type Data = {
      assessment: {
        version: number;
        itemCount: number;
        items: {
          kind: string;
          prompt: string;
          skill: { slug: string } | null;
          options: { label: string }[];
        }[];
      };
    };
    const { data, errors } = await app.execute<Data>(
      `{ assessment(slug: "decision-quality") {
          version itemCount items { kind prompt skill { slug } options { id key label } } } }`,
    );
    expect(errors).toBeUndefined();
    const items = data?.assessment.items ?? [];
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(items.length).toBeLessThanOrEqual(8);
    expect(data?.assessment.itemCount).toBe(items.length);
    expect(new Set(items.map((i) => i.kind)).size).toBeGreaterThanOrEqual(3);
    for (const item of items) {
      if (item.kind === "LIKERT") expect(item.skill?.slug).toBe("decision-quality");
      if (item.kind === "SITUATIONAL") expect(item.options.length).toBeGreaterThanOrEqual(3);
      if (item.kind === "FORCED_CHOICE") expect(item.options).toHaveLength(2);
    }

    const weights = await app.execute(
      `{ assessment(slug: "decision-quality") { items { options { weights } } } }`,
    );
    expect(weights.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const reverse = await app.execute(
      `{ assessment(slug: "decision-quality") { items { reverseKeyed } } }`,
    );
    expect(reverse.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
