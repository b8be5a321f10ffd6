import { pino } from "pino";
import { AUTH_FAILURE_REASONS } from "@real-skills/shared";
import { createServer, type RealSkillsServer } from "../../server.js";
import type { CreatedOrganization } from "../../modules/organization/organization.service.js";
import {
  CREATE,
  PUBLISH,
  UPDATE,
  validAssessmentInput,
} from "../../modules/assessment/__tests__/authoring.fixtures.js";
import { createTestApp, type TestApp } from "../../test-support/harness.js";
import { persistedGet, persistedRead } from "../../test-support/persisted-query.js";

const ASSESSMENT = `query Assessment($slug: String!) { assessment(slug: $slug) { slug version title } }`;
const VIEWER = `{ viewer { kind subject } }`;
const ORIGIN = "https://intranet.example.com";

let app: TestApp;
let org: CreatedOrganization;
let second: RealSkillsServer;
let secondUrl: string;

// Several instances share one database only on a PostgreSQL server: the embedded database
// belongs to one process, where changes are heard in-process (covered by response-cache.test).
const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres("two API instances on one PostgreSQL", () => {
  beforeAll(async () => {
    app = await createTestApp();
    org = await app.createOrganization({ origins: [ORIGIN] });
    // A second server with its own caches and its own LISTEN connection: another instance.
    second = await createServer({
      config: { maxBodyBytes: 100_000, shutdownTimeoutMs: 2_000 },
      database: app.database,
      logger: pino({ level: "silent" }),
    });
    const address = await second.listen(0, "127.0.0.1");
    secondUrl = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await second.stop();
    await app.close();
  });

  /** Repeats `read` until `done` holds or a second has passed; returns the last value. */
  async function withinOneSecond<T>(read: () => Promise<T>, done: (value: T) => boolean) {
    const deadline = Date.now() + 1_000;
    let value = await read();
    while (!done(value) && Date.now() < deadline) value = await read();
    return value;
  }

  it("serves a publish on one instance from the other within a second", async () => {
    const slug = "cached-across-instances";
    await app.http(CREATE, { input: validAssessmentInput(slug) }, { token: org.apiKey });
    await app.http(PUBLISH, { slug }, { token: org.apiKey });
    const employee = await app.mintToken(org, { sub: "instance-reader" });
    const options = {
      variables: { slug },
      headers: { authorization: `Bearer ${employee}`, origin: ORIGIN },
    };
    const assessmentOf = (text: string) =>
      (JSON.parse(text) as { data: { assessment: { version: number; title: string } } }).data
        .assessment;
    expect(assessmentOf((await persistedRead(secondUrl, ASSESSMENT, options)).text)).toMatchObject({
      version: 1,
    });

    const changed = validAssessmentInput(slug);
    changed.title.en = "Seen everywhere";
    await app.http(UPDATE, { input: changed }, { token: org.apiKey });
    await app.http(PUBLISH, { slug }, { token: org.apiKey });
    const seen = await withinOneSecond(
      async () => assessmentOf((await persistedGet(secondUrl, ASSESSMENT, options)).text),
      (assessment) => assessment.version === 2,
    );
    expect(seen).toMatchObject({ version: 2, title: "Seen everywhere" });
  });

  it("rejects a revoked key's tokens on the other instance within a second", async () => {
    const token = await app.mintToken(org, { sub: "revoked-reader" });
    const viewerOnSecond = async () => {
      const response = await fetch(`${secondUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: VIEWER }),
      });
      return (await response.json()) as {
        errors?: { extensions: { code: string; reason?: string } }[];
      };
    };
    // The second instance has verified the token, so it holds the key in memory.
    expect((await viewerOnSecond()).errors).toBeUndefined();

    const { body } = await app.http(
      `mutation($kid: String!) { revokeEmbedKey(kid: $kid) { kid } }`,
      { kid: org.embedKey.kid },
      { token: org.apiKey },
    );
    expect(body.errors).toBeUndefined();
    const after = await withinOneSecond(viewerOnSecond, (result) => result.errors !== undefined);
    expect(after.errors?.[0]?.extensions).toMatchObject({
      code: "UNAUTHENTICATED",
      reason: AUTH_FAILURE_REASONS.INVALID_SIGNATURE,
    });
  });
});
