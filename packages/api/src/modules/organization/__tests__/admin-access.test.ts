import { createTestApp, type TestApp } from "../../../test-support/harness.js";
import { validAssessmentInput } from "../../assessment/__tests__/authoring.fixtures.js";
import type { CreatedOrganization } from "../organization.service.js";

let app: TestApp;
let org: CreatedOrganization;
const callers: [string, string | undefined, string][] = [];

beforeAll(async () => {
  app = await createTestApp({ importContent: false });
  org = await app.createOrganization();
  const { body } = await app.http<{ createApiKey: { key: string } }>(
    `mutation { createApiKey(input: { name: "Reports", role: ANALYST }) { key } }`,
    {},
    { token: org.apiKey },
  );
  callers.push(
    ["anonymous", undefined, "UNAUTHENTICATED"],
    ["an employee token", await app.mintToken(org), "FORBIDDEN"],
    ["an analyst token", await app.mintToken(org, { role: "analyst" }), "FORBIDDEN"],
    ["an ANALYST key", body.data?.createApiKey.key, "FORBIDDEN"],
  );
});

afterAll(async () => {
  await app.close();
});

const input = validAssessmentInput("anything");
const kid = () => org.embedKey.kid;

/** Every admin operation, with arguments that an ADMIN key would get through. */
const OPERATIONS: [string, () => Record<string, unknown>][] = [
  [`{ apiKeys { id } }`, () => ({})],
  [`{ embedKeys { kid } }`, () => ({})],
  [`{ auditLog { totalCount } }`, () => ({})],
  [`{ authoredAssessments { nodes { slug } } }`, () => ({})],
  [`{ authoredAssessment(slug: "anything") { slug } }`, () => ({})],
  [
    `mutation($input: AssessmentInput!) { createAssessment(input: $input) { slug } }`,
    () => ({ input }),
  ],
  [
    `mutation($input: AssessmentInput!) { updateAssessmentDraft(input: $input) { slug } }`,
    () => ({ input }),
  ],
  [`mutation { publishAssessment(slug: "anything") { slug } }`, () => ({})],
  [`mutation { archiveAssessment(slug: "anything") { slug } }`, () => ({})],
  [`mutation { updateOrganizationSettings(input: { minGroupSize: 9 }) { id } }`, () => ({})],
  [`mutation { createApiKey(input: { name: "x", role: ADMIN }) { key } }`, () => ({})],
  [`mutation { revokeApiKey(id: "00000000-0000-4000-8000-000000000000") { id } }`, () => ({})],
  [`mutation { createEmbedKey(input: { algorithm: HS256 }) { secret } }`, () => ({})],
  [
    `mutation($kid: String!) { rotateEmbedKey(input: { kid: $kid }) { secret } }`,
    () => ({ kid: kid() }),
  ],
  [`mutation($kid: String!) { revokeEmbedKey(kid: $kid) { kid } }`, () => ({ kid: kid() })],
];

describe("admin operations", () => {
  it.each(
    OPERATIONS.map(
      ([query, variables]) => [query.replace(/\s+/g, " ").slice(0, 60), query, variables] as const,
    ),
  )("%s: only for ADMIN keys", async (_name, query, variables) => {
    for (const [who, token, code] of callers) {
      const { body } = await app.http(query, variables(), { token });
      expect([who, body.errors?.[0]?.extensions?.code]).toEqual([who, code]);
      // Nothing comes back: `data` is null, or (for a nullable field) holds only null.
      expect([who, Object.values(body.data ?? {})]).toEqual([who, body.data ? [null] : []]);
    }
  });

  it("changed nothing for the refused callers", async () => {
    const { body } = await app.http<{ auditLog: { nodes: { action: string }[] } }>(
      `{ auditLog { nodes { action } } }`,
      {},
      { token: org.apiKey },
    );
    expect(body.data?.auditLog.nodes.map((entry) => entry.action)).toEqual(["api_key.create"]);
  });
});
