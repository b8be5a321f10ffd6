import { createHash } from "node:crypto";
import type { CreatedOrganization } from "../../modules/organization/organization.service.js";
import {
  ARCHIVE,
  CREATE,
  PUBLISH,
  UPDATE,
  validAssessmentInput,
} from "../../modules/assessment/__tests__/authoring.fixtures.js";
import { createTestApp, type TestApp } from "../../test-support/harness.js";
import {
  persistedGet as get,
  persistedRead,
  type PersistedGetOptions,
} from "../../test-support/persisted-query.js";

const ASSESSMENT = `query Assessment($slug: String!) {
  assessment(slug: $slug) { slug version title items { key prompt } }
}`;

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

/** A persisted-query GET to the test server. */
const persistedGet = async (document: string, options: PersistedGetOptions = {}) =>
  get(await app.url(), document, options);

/** Registers the document, then reads it by hash alone. */
const read = async (document: string, options: PersistedGetOptions = {}) =>
  persistedRead(await app.url(), document, options);

const json = (text: string) =>
  JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: unknown[] };

describe("persisted queries over GET", () => {
  it("asks for the query text once, then answers by hash with a validator and Cache-Control", async () => {
    const unknown = await persistedGet(`{ skills { slug } }`);
    expect(json(unknown.text).errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: "PERSISTED_QUERY_NOT_FOUND" }),
      }),
    ]);

    const response = await read(ASSESSMENT, { variables: { slug: "decision-quality" } });
    expect(response.status).toBe(200);
    expect(json(response.text).data?.assessment).toMatchObject({ slug: "decision-quality" });
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    expect(response.headers.get("vary")).toMatch(/Accept-Language/);
    expect(response.headers.get("etag")).toBeTruthy();
  });

  it("answers a repeated read from the cache: the same bytes, no SQL, 304 for a held copy", async () => {
    const variables = { slug: "empathy-in-design" };
    const first = await read(ASSESSMENT, { variables });
    app.resetQueries();
    const again = await persistedGet(ASSESSMENT, { variables });
    expect(again.text).toBe(first.text);
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(app.queries).toEqual([]);

    const notModified = await persistedGet(ASSESSMENT, {
      variables,
      headers: { "if-none-match": first.headers.get("etag") ?? "" },
    });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe("");
  });

  it("keeps languages apart: a German reader never gets the English answer", async () => {
    const variables = { slug: "excellence" };
    const english = await read(ASSESSMENT, { variables, headers: { "accept-language": "en" } });
    const german = await read(ASSESSMENT, { variables, headers: { "accept-language": "de-DE" } });
    const title = (text: string) => (json(text).data?.assessment as { title: string }).title;
    expect(title(german.text)).not.toBe(title(english.text));
    const germanAgain = await persistedGet(ASSESSMENT, {
      variables,
      headers: { "accept-language": "de" },
    });
    expect(germanAgain.text).toBe(german.text);
  });

  it("answers a page's anonymous read with CORS for any origin, from the cache too", async () => {
    const variables = { slug: "mindful-leadership" };
    await read(ASSESSMENT, { variables });
    const cached = await persistedGet(ASSESSMENT, {
      variables,
      headers: { origin: "https://anywhere.example" },
    });
    expect(cached.headers.get("access-control-allow-origin")).toBe("*");
    expect(cached.headers.get("vary")).toMatch(/Origin/);
  });

  it("refuses a GET a page could send cross-site without a preflight, cached or not", async () => {
    const variables = { slug: "decision-quality" };
    await read(ASSESSMENT, { variables });
    const sha256Hash = createHash("sha256").update(ASSESSMENT).digest("hex");
    const search = new URLSearchParams({
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }),
      variables: JSON.stringify(variables),
    });
    const response = await fetch(`${await app.url()}/graphql?${search.toString()}`);
    expect(response.status).toBe(400);
  });
});

describe("an organisation's own content", () => {
  const slug = "cached-team-rituals";

  it("serves an organisation's published assessment to its people only, and a publish at once", async () => {
    await app.http(CREATE, { input: validAssessmentInput(slug) }, { token: org.apiKey });
    await app.http(PUBLISH, { slug }, { token: org.apiKey });
    const employee = await app.mintToken(org, { sub: "cache-reader" });
    const outsider = await app.mintToken(other, { sub: "cache-outsider" });
    const as = (token: string) => ({
      variables: { slug },
      headers: { authorization: `Bearer ${token}`, origin: "https://intranet.example.com" },
    });

    const own = await read(ASSESSMENT, as(employee));
    expect(json(own.text).data?.assessment).toMatchObject({ slug, version: 1 });
    expect(own.headers.get("cache-control")).toBe("private, max-age=60");
    app.resetQueries();
    expect((await persistedGet(ASSESSMENT, as(employee))).text).toBe(own.text);
    // Verifying the token may read its key; the assessment itself comes from the cache.
    expect(app.queries.filter((sql) => /\bassessment\b/i.test(sql))).toEqual([]);

    // The same URL from another organisation, and without credentials: never the cached answer.
    expect(json((await read(ASSESSMENT, as(outsider))).text).data?.assessment).toBeNull();
    expect(
      json((await read(ASSESSMENT, { variables: { slug } })).text).data?.assessment,
    ).toBeNull();

    const changed = validAssessmentInput(slug);
    changed.title.en = "Team rituals, revised";
    await app.http(UPDATE, { input: changed }, { token: org.apiKey });
    await app.http(PUBLISH, { slug }, { token: org.apiKey });
    const republished = json((await persistedGet(ASSESSMENT, as(employee))).text);
    expect(republished.data?.assessment).toMatchObject({
      version: 2,
      title: "Team rituals, revised",
    });

    await app.http(ARCHIVE, { slug }, { token: org.apiKey });
    expect(json((await persistedGet(ASSESSMENT, as(employee))).text).data?.assessment).toBeNull();
  });

  it("never caches anything personal: an employee's own data is no-store and read afresh", async () => {
    const viewer = `query Viewer { viewer { kind subject } }`;
    const first = await app.mintToken(org, { sub: "first-employee" });
    const second = await app.mintToken(org, { sub: "second-employee" });
    const as = (token: string) => ({
      headers: { authorization: `Bearer ${token}`, origin: "https://intranet.example.com" },
    });
    const mine = await read(viewer, as(first));
    expect(mine.headers.get("cache-control")).toBe("no-store");
    const theirs = await persistedGet(viewer, as(second));
    expect(theirs.text).toContain("second-employee");
    expect(theirs.text).not.toContain("first-employee");
  });

  it("does not cache errors", async () => {
    const missing = await read(ASSESSMENT, { variables: { slug: "Not A Slug" } });
    expect(json(missing.text).errors).toBeDefined();
    expect(missing.headers.get("cache-control")).toBe("no-store");
  });
});
