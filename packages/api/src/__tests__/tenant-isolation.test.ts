import type { CreatedOrganization } from "../modules/organization/organization.service.js";
import { validAssessmentInput } from "../modules/assessment/__tests__/authoring.fixtures.js";
import { createTestApp, type TestApp } from "../test-support/harness.js";

/**
 * Two organisations, A and B. Everything B can call is tried with A's ids, slugs, keys and
 * tokens; each attempt must fail (or come back empty) without a trace of A's data, and A's data
 * must be exactly as before.
 */
let app: TestApp;
let a: CreatedOrganization;
let b: CreatedOrganization;
let aKeyId: string;
let aTokenOnB: string;
let bToken: string;
const A_SLUG = "a-onboarding";

beforeAll(async () => {
  app = await createTestApp();
  a = await app.createOrganization({ name: "Alpha", origins: ["https://alpha.example"] });
  b = await app.createOrganization({ name: "Beta", origins: ["https://beta.example"] });
  const created = await app.http(
    CREATE,
    { input: validAssessmentInput(A_SLUG) },
    { token: a.apiKey },
  );
  expect(created.body.errors).toBeUndefined();
  const published = await app.http(PUBLISH, { slug: A_SLUG }, { token: a.apiKey });
  expect(published.body.errors).toBeUndefined();
  const keys = await app.http<{ apiKeys: { id: string }[] }>(
    `{ apiKeys { id } }`,
    {},
    { token: a.apiKey },
  );
  aKeyId = keys.body.data?.apiKeys[0]?.id ?? "";
  aTokenOnB = await app.mintToken(a, { sub: "alpha-employee" });
  bToken = await app.mintToken(b, { sub: "beta-employee" });
});

afterAll(async () => {
  await app.close();
});

const CREATE = `mutation($input: AssessmentInput!) { createAssessment(input: $input) { slug } }`;
const UPDATE = `mutation($input: AssessmentInput!) { updateAssessmentDraft(input: $input) { slug } }`;
const PUBLISH = `mutation($slug: String!) { publishAssessment(slug: $slug) { slug } }`;
const ARCHIVE = `mutation($slug: String!) { archiveAssessment(slug: $slug) { slug } }`;

/** A's state as A sees it; compared before and after B's attempts. */
async function snapshotOfA() {
  const { body } = await app.http(
    `{
      viewer { organization { name allowedOrigins minGroupSize defaultLocale } }
      authoredAssessment(slug: "${A_SLUG}") { slug archivedAt versions { version status } }
      assessment(slug: "${A_SLUG}") { slug version itemCount }
      apiKeys { id revokedAt }
      embedKeys { kid revokedAt expiresAt }
    }`,
    {},
    { token: a.apiKey },
  );
  expect(body.errors).toBeUndefined();
  return body.data;
}

function expectErrorWithoutData(
  result: {
    body: { data?: unknown; errors?: readonly { extensions?: Record<string, unknown> }[] };
  },
  codes: string[],
) {
  expect(codes).toContain(result.body.errors?.[0]?.extensions?.code);
  const data = result.body.data as Record<string, unknown> | null | undefined;
  for (const value of Object.values(data ?? {})) expect(value).toBeNull();
  expect(JSON.stringify(result.body)).not.toMatch(/Alpha|alpha\.example|Meetings that decide/);
}

describe("tenant isolation", () => {
  let before: unknown;

  beforeAll(async () => {
    before = await snapshotOfA();
  });

  afterAll(async () => {
    // Nothing B did changed anything of A's.
    expect(await snapshotOfA()).toEqual(before);
  });

  describe.each([
    ["B's ADMIN API key", () => b.apiKey],
    ["B's embed token", () => bToken],
    ["no credentials", () => undefined],
  ])("with %s", (_label, credentials) => {
    const call = (query: string, variables: Record<string, unknown> = {}) =>
      app.http(query, variables, {
        ...(credentials() ? { token: credentials() } : {}),
        origin: "https://beta.example",
      });

    it("cannot read A's assessment by slug, in lists, or as authored", async () => {
      expect((await call(`{ assessment(slug: "${A_SLUG}") { slug } }`)).body).toEqual({
        data: { assessment: null },
      });
      const list = await call(`{ assessments(first: 100) { nodes { slug } } }`);
      expect(JSON.stringify(list.body)).not.toContain(A_SLUG);
      const authored = await call(`{ authoredAssessment(slug: "${A_SLUG}") { slug } }`);
      expect(JSON.stringify(authored.body)).not.toContain("Meetings that decide");
      expect(authored.body.data?.authoredAssessment ?? null).toBeNull();
    });

    it.each([
      ["updateAssessmentDraft", UPDATE, () => ({ input: validAssessmentInput(A_SLUG) })],
      ["publishAssessment", PUBLISH, () => ({ slug: A_SLUG })],
      ["archiveAssessment", ARCHIVE, () => ({ slug: A_SLUG })],
      [
        "revokeApiKey",
        `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`,
        () => ({ id: aKeyId }),
      ],
      [
        "revokeEmbedKey",
        `mutation($kid: String!) { revokeEmbedKey(kid: $kid) { kid } }`,
        () => ({ kid: a.embedKey.kid }),
      ],
      [
        "rotateEmbedKey",
        `mutation($kid: String!) { rotateEmbedKey(input: { kid: $kid }) { embedKey { kid } } }`,
        () => ({ kid: a.embedKey.kid }),
      ],
    ])("cannot %s A's objects", async (_name, mutation, variables) => {
      const result = await call(mutation, variables());
      expectErrorWithoutData(result, [
        "NOT_FOUND",
        "FORBIDDEN",
        "UNAUTHENTICATED",
        "BAD_USER_INPUT",
      ]);
    });

    it("sees none of A's keys or audit entries in its own lists", async () => {
      const result = await call(
        `{ apiKeys { id } embedKeys { kid } auditLog(first: 100) { nodes { targetId } } }`,
      );
      const text = JSON.stringify(result.body);
      expect(text).not.toContain(aKeyId);
      expect(text).not.toContain(a.embedKey.kid);
      expect(text).not.toContain(A_SLUG);
    });
  });

  it("A's embed token does not work from B's pages", async () => {
    const result = await app.http(
      `{ viewer { kind } }`,
      {},
      { token: aTokenOnB, origin: "https://beta.example" },
    );
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: "UNAUTHENTICATED",
      reason: "ORIGIN_NOT_ALLOWED",
    });
  });

  it("B's settings change only B", async () => {
    const result = await app.http(
      `mutation { updateOrganizationSettings(input: { minGroupSize: 7, allowedOrigins: ["https://alpha.example"] }) { slug minGroupSize } }`,
      {},
      { token: b.apiKey },
    );
    expect(result.body.data).toEqual({
      updateOrganizationSettings: { slug: b.organization.slug, minGroupSize: 7 },
    });
  });

  it("B may use the same slug for its own assessment without touching A's", async () => {
    const created = await app.http(
      CREATE,
      { input: validAssessmentInput(A_SLUG) },
      { token: b.apiKey },
    );
    expect(created.body.errors).toBeUndefined();
    const archived = await app.http(ARCHIVE, { slug: A_SLUG }, { token: b.apiKey });
    expect(archived.body.errors).toBeUndefined();
  });
});
