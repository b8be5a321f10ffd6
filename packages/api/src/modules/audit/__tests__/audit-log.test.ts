import { createTestApp, type TestApp } from "../../../test-support/harness.js";
import {
  ARCHIVE,
  CREATE,
  PUBLISH,
  UPDATE,
  validAssessmentInput,
} from "../../assessment/__tests__/authoring.fixtures.js";
import type { CreatedOrganization } from "../../organization/organization.service.js";

let app: TestApp;
let org: CreatedOrganization;
let adminKeyId: string;

interface Entry {
  actorKind: string;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
  createdAt: string;
}

const AUDIT_LOG = `query($first: Int, $after: String) {
  auditLog(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { actorKind actorId action targetType targetId details createdAt }
  }
}`;

interface AuditPage {
  auditLog: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Entry[];
  };
}

async function admin<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
) {
  const { body } = await app.http<T>(query, variables, { token: org.apiKey });
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

const secrets: string[] = [];

beforeAll(async () => {
  app = await createTestApp();
  org = await app.createOrganization();
  const keys = await admin<{ apiKeys: { id: string }[] }>(`{ apiKeys { id } }`);
  adminKeyId = keys.apiKeys[0]?.id ?? "";

  // One of every admin action, oldest first.
  await admin(CREATE, { input: validAssessmentInput("audited") });
  await admin(UPDATE, { input: validAssessmentInput("audited") });
  await admin(PUBLISH, { slug: "audited" });
  await admin(ARCHIVE, { slug: "audited" });
  await admin(`mutation { updateOrganizationSettings(input: { minGroupSize: 7 }) { id } }`);
  const apiKey = await admin<{ createApiKey: { key: string; apiKey: { id: string } } }>(
    `mutation { createApiKey(input: { name: "Reports", role: ANALYST }) { key apiKey { id } } }`,
  );
  secrets.push(apiKey.createApiKey.key);
  await admin(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, {
    id: apiKey.createApiKey.apiKey.id,
  });
  const embedKey = await admin<{ createEmbedKey: { secret: string; embedKey: { kid: string } } }>(
    `mutation { createEmbedKey(input: { algorithm: HS256 }) { secret embedKey { kid } } }`,
  );
  secrets.push(embedKey.createEmbedKey.secret);
  const rotated = await admin<{ rotateEmbedKey: { secret: string; embedKey: { kid: string } } }>(
    `mutation($kid: String!) { rotateEmbedKey(input: { kid: $kid }) { secret embedKey { kid } } }`,
    { kid: embedKey.createEmbedKey.embedKey.kid },
  );
  secrets.push(rotated.rotateEmbedKey.secret, org.embedKey.secret, org.apiKey);
  await admin(`mutation($kid: String!) { revokeEmbedKey(kid: $kid) { kid } }`, {
    kid: embedKey.createEmbedKey.embedKey.kid,
  });
  // A refused change leaves no entry: it is written in the change's own transaction.
  const refused = await app.http(PUBLISH, { slug: "audited" }, { token: org.apiKey });
  expect(refused.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
});

afterAll(async () => {
  await app.close();
});

describe("auditLog", () => {
  it("records every admin action with actor and target, newest first", async () => {
    const { auditLog } = await admin<AuditPage>(AUDIT_LOG, { first: 100 });
    expect(auditLog.totalCount).toBe(10);
    expect(auditLog.nodes.map((entry) => entry.action)).toEqual([
      "embed_key.revoke",
      "embed_key.rotate",
      "embed_key.create",
      "api_key.revoke",
      "api_key.create",
      "organization.update_settings",
      "assessment.archive",
      "assessment.publish",
      "assessment.update_draft",
      "assessment.create",
    ]);
    for (const entry of auditLog.nodes) {
      expect(entry).toMatchObject({ actorKind: "API_KEY", actorId: `key:${adminKeyId}` });
      expect(entry.action.startsWith(`${entry.targetType}.`)).toBe(true);
      expect(entry.targetId).not.toBe("");
    }
    const byAction = new Map(auditLog.nodes.map((entry) => [entry.action, entry]));
    expect(byAction.get("assessment.publish")?.details).toEqual({ slug: "audited", version: 1 });
    expect(byAction.get("organization.update_settings")).toMatchObject({
      targetType: "organization",
      targetId: org.organization.id,
      details: { changes: { minGroupSize: { from: 5, to: 7 } } },
    });
    expect(byAction.get("api_key.create")?.details).toMatchObject({
      name: "Reports",
      role: "ANALYST",
    });

    const serialized = JSON.stringify(auditLog);
    for (const secret of secrets) expect(serialized).not.toContain(secret);
  });

  it("pages with opaque cursors without gaps or repeats", async () => {
    const all = (await admin<AuditPage>(AUDIT_LOG, { first: 100 })).auditLog.nodes;
    const seen: Entry[] = [];
    let after: string | null = null;
    for (;;) {
      const page: AuditPage = await admin<AuditPage>(AUDIT_LOG, { first: 3, after });
      seen.push(...page.auditLog.nodes);
      if (!page.auditLog.pageInfo.hasNextPage) break;
      after = page.auditLog.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);

    const { body } = await app.http(AUDIT_LOG, { after: "garbage" }, { token: org.apiKey });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("shows an organisation only its own entries", async () => {
    const other = await app.createOrganization();
    const { body } = await app.http<AuditPage>(AUDIT_LOG, {}, { token: other.apiKey });
    expect(body.data?.auditLog).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it("is for ADMIN keys only", async () => {
    const analyst = await admin<{ createApiKey: { key: string } }>(
      `mutation { createApiKey(input: { name: "Reader", role: ANALYST }) { key } }`,
    );
    for (const token of [
      analyst.createApiKey.key,
      await app.mintToken(org),
      await app.mintToken(org, { role: "analyst" }),
    ]) {
      const { body } = await app.http(AUDIT_LOG, {}, { token });
      expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const { body } = await app.http(AUDIT_LOG, {});
    expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
