import { createTestApp, type TestApp } from "../../../test-support/harness.js";
import type { CreatedOrganization } from "../organization.service.js";

let app: TestApp;
let org: CreatedOrganization;
let other: CreatedOrganization;

beforeAll(async () => {
  app = await createTestApp({ importContent: false });
  org = await app.createOrganization();
  other = await app.createOrganization();
});

afterAll(async () => {
  await app.close();
});

const CREATE = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { key apiKey { id name role prefix revokedAt } }
}`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;
const VIEWER = `{ viewer { kind role organization { id } } }`;

interface Created {
  createApiKey: { key: string; apiKey: { id: string; name: string; role: string; prefix: string } };
}

async function createKey(token: string, role: "ADMIN" | "ANALYST", name = `${role} key`) {
  const { body } = await app.http<Created>(CREATE, { input: { name, role } }, { token });
  expect(body.errors).toBeUndefined();
  const created = body.data?.createApiKey;
  if (!created) throw new Error("no key created");
  return created;
}

describe("API keys", () => {
  it("creates an ANALYST key that works at once and shows its secret only once", async () => {
    const created = await createKey(org.apiKey, "ANALYST", "  HR dashboard ");
    expect(created.key).toMatch(/^rsk_/);
    expect(created.apiKey).toMatchObject({
      name: "HR dashboard",
      role: "ANALYST",
      revokedAt: null,
    });
    expect(created.key.startsWith(created.apiKey.prefix)).toBe(true);

    const viewer = await app.http(VIEWER, {}, { token: created.key });
    expect(viewer.body.data).toEqual({
      viewer: { kind: "API_KEY", role: "ANALYST", organization: { id: org.organization.id } },
    });

    const list = await app.http<{ apiKeys: { id: string; name: string }[] }>(
      `{ apiKeys { id name role prefix lastUsedAt revokedAt } }`,
      {},
      { token: org.apiKey },
    );
    expect(list.body.data?.apiKeys.map((key) => key.name)).toEqual([
      "HR dashboard",
      "Initial admin key",
    ]);
    expect(JSON.stringify(list.body)).not.toContain(created.key);
  });

  it("forbids an ANALYST key to manage keys", async () => {
    const analyst = await createKey(org.apiKey, "ANALYST");
    for (const [query, variables] of [
      [CREATE, { input: { name: "sneaky", role: "ADMIN" } }],
      [REVOKE, { id: analyst.apiKey.id }],
      [`{ apiKeys { id } }`, {}],
    ] as const) {
      const { body } = await app.http(query, variables, { token: analyst.key });
      expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });

  it("revokes a key: its very next request is refused", async () => {
    const analyst = await createKey(org.apiKey, "ANALYST");
    const { body } = await app.http<{ revokeApiKey: { revokedAt: string | null } }>(
      REVOKE,
      { id: analyst.apiKey.id },
      { token: org.apiKey },
    );
    expect(body.data?.revokeApiKey.revokedAt).toEqual(expect.any(String));

    const refused = await app.http(VIEWER, {}, { token: analyst.key });
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: "UNAUTHENTICATED",
      reason: "INVALID_API_KEY",
    });
  });

  it("lets an ADMIN key revoke itself", async () => {
    const admin = await createKey(org.apiKey, "ADMIN");
    const { body } = await app.http(REVOKE, { id: admin.apiKey.id }, { token: admin.key });
    expect(body.errors).toBeUndefined();
    const refused = await app.http(VIEWER, {}, { token: admin.key });
    expect(refused.body.errors?.[0]?.extensions?.reason).toBe("INVALID_API_KEY");
  });

  it("rejects an empty name with its path", async () => {
    const { body } = await app.http(
      CREATE,
      { input: { name: "  ", role: "ADMIN" } },
      { token: org.apiKey },
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      problems: [{ path: "input.name", message: "must be 1–100 characters" }],
    });
  });

  it("treats another organisation's key id exactly like an unknown one", async () => {
    const theirs = await createKey(other.apiKey, "ANALYST");
    const unknown = "00000000-0000-4000-8000-000000000000";
    const answers = [];
    for (const id of [theirs.apiKey.id, unknown, "not-a-uuid"]) {
      const { body } = await app.http(REVOKE, { id }, { token: org.apiKey });
      answers.push(body);
    }
    for (const answer of answers) {
      expect(answer).toEqual({
        data: null,
        errors: [
          expect.objectContaining({
            message: "Your organisation has no API key with this id.",
            extensions: { code: "NOT_FOUND" },
          }),
        ],
      });
    }
    // …and the other organisation's key still works.
    const viewer = await app.http(VIEWER, {}, { token: theirs.key });
    expect(viewer.body.errors).toBeUndefined();
  });
});
