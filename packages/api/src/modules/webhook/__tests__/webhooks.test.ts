import { pino } from "pino";
import type { CreatedOrganization } from "../../organization/organization.service.js";
import { createTestApp, type TestApp } from "../../../test-support/harness.js";
import {
  CREATE,
  PUBLISH,
  validAssessmentInput,
} from "../../assessment/__tests__/authoring.fixtures.js";
import {
  BEST_DECISION_QUALITY,
  Employee,
  ORIGIN,
} from "../../attempt/__tests__/attempt.fixtures.js";
import { checkWebhookUrl } from "../webhook-url.js";
import { WebhookWorker } from "../webhook.worker.js";
import { startReceiver, verifySignature, waitFor, type Receiver } from "./webhook.fixtures.js";

const CREATE_ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    secret
    endpoint { id url description events createdAt disabledAt }
  }
}`;
const ENDPOINTS = `{ webhookEndpoints { id url events disabledAt } }`;
const DISABLE = `mutation($id: ID!) { disableWebhookEndpoint(id: $id) { id disabledAt } }`;
const DELIVERIES = `query($first: Int, $after: String, $endpointId: ID, $status: WebhookDeliveryStatus) {
  webhookDeliveries(first: $first, after: $after, endpointId: $endpointId, status: $status) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id endpointId eventType status attempts lastStatusCode lastError
      createdAt nextAttemptAt deliveredAt payload
    }
  }
}`;

interface Endpoint {
  id: string;
  url: string;
  events: string[];
  disabledAt: string | null;
}

interface Delivery {
  id: string;
  endpointId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  payload: Record<string, unknown>;
}

interface DeliveryPage {
  webhookDeliveries: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Delivery[];
  };
}

let app: TestApp;
let org: CreatedOrganization;
let other: CreatedOrganization;
let worker: WebhookWorker;
let slugs = 0;

beforeAll(async () => {
  app = await createTestApp({ webhookAllowHttp: true });
  org = await app.createOrganization({ origins: [ORIGIN] });
  other = await app.createOrganization({ origins: [ORIGIN] });
  worker = new WebhookWorker(app.database.dataSource, pino({ level: "silent" }), {
    pollIntervalMs: 20,
    backoffBaseMs: 100,
    maxAttempts: 3,
  });
});

afterAll(async () => {
  await worker.stop();
  await app.close();
});

async function admin<T>(
  organization: CreatedOrganization,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const { body } = await app.http<T>(query, variables, { token: organization.apiKey });
  expect(body.errors).toBeUndefined();
  if (!body.data) throw new Error("no data");
  return body.data;
}

async function createEndpoint(
  organization: CreatedOrganization,
  url: string,
  events: string[],
): Promise<{ endpoint: Endpoint; secret: string }> {
  const data = await admin<{ createWebhookEndpoint: { endpoint: Endpoint; secret: string } }>(
    organization,
    CREATE_ENDPOINT,
    { input: { url, events, description: "HR system" } },
  );
  return data.createWebhookEndpoint;
}

async function deliveries(
  organization: CreatedOrganization,
  variables: Record<string, unknown> = {},
) {
  return (await admin<DeliveryPage>(organization, DELIVERIES, variables)).webhookDeliveries;
}

async function publishNewAssessment(organization: CreatedOrganization): Promise<string> {
  slugs += 1;
  const slug = `webhook-check-${slugs}`;
  await admin(organization, CREATE, { input: validAssessmentInput(slug) });
  await admin(organization, PUBLISH, { slug });
  return slug;
}

async function completeAttempt(organization: CreatedOrganization, subject: string) {
  const employee = await Employee.of(app, organization, subject, {
    team: "Platform",
    department: "Engineering",
  });
  const attempt = await employee.answered(
    await employee.started("decision-quality"),
    BEST_DECISION_QUALITY,
  );
  const result = await employee.submitted(attempt.id, `submit-${subject}`);
  return { attemptId: attempt.id, result };
}

describe("webhooks", () => {
  let receiver: Receiver;

  beforeEach(async () => {
    receiver = await startReceiver();
  });

  afterEach(async () => {
    await worker.stop();
    await receiver.close();
  });

  it("sends attempt.completed signed, with who finished what and never how they did", async () => {
    const { endpoint, secret } = await createEndpoint(org, receiver.url, ["ATTEMPT_COMPLETED"]);
    expect(secret).toMatch(/^whsec_/);
    expect(endpoint).toMatchObject({ url: receiver.url, events: ["ATTEMPT_COMPLETED"] });

    const { attemptId, result } = await completeAttempt(org, "webhook-employee-1");
    expect(result.scores.length).toBeGreaterThan(0);
    expect(await worker.runOnce()).toBe(1);

    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    if (!request) throw new Error("no request");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["user-agent"]).toBe("RealSkills-Webhooks/1");
    expect(request.headers["x-realskills-event"]).toBe("attempt.completed");
    const signature = request.headers["x-realskills-signature"] as string;
    expect(verifySignature(secret, signature, request.body)).toBe(true);
    // The check itself refuses a changed body, another secret and an old signature.
    expect(verifySignature(secret, signature, request.body.replace("Platform", "Sales"))).toBe(
      false,
    );
    expect(verifySignature(`${secret}x`, signature, request.body)).toBe(false);
    expect(
      verifySignature(secret, signature, request.body, Math.floor(Date.now() / 1000) + 301),
    ).toBe(false);

    const event = JSON.parse(request.body) as Record<string, unknown>;
    expect(event).toEqual({
      id: request.headers["x-realskills-delivery"],
      type: "attempt.completed",
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      organizationId: org.organization.id,
      attempt: {
        id: attemptId,
        subject: "webhook-employee-1",
        assessment: { slug: "decision-quality", version: 1 },
        submittedAt: result.submittedAt,
        team: "Platform",
        department: "Engineering",
      },
    });
    // Privacy (design §4): nothing about how the employee did.
    expect(request.body).not.toMatch(/score|band|answer|option|feedback/i);

    const log = await deliveries(org, { endpointId: endpoint.id });
    expect(log.nodes).toEqual([
      expect.objectContaining({
        id: request.headers["x-realskills-delivery"],
        eventType: "ATTEMPT_COMPLETED",
        status: "DELIVERED",
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        deliveredAt: expect.any(String),
        payload: event,
      }),
    ]);
    await admin(org, DISABLE, { id: endpoint.id });
  });

  it("retries a failing endpoint with growing delays until it accepts", async () => {
    const { endpoint, secret } = await createEndpoint(org, receiver.url, ["ASSESSMENT_PUBLISHED"]);
    receiver.respond = (count) => (count <= 2 ? 500 : 204);
    const slug = await publishNewAssessment(org);
    worker.start();
    await waitFor(() => receiver.requests.length === 3);
    await worker.stop();

    const ids = new Set(
      receiver.requests.map((request) => request.headers["x-realskills-delivery"]),
    );
    expect(ids.size).toBe(1);
    const [first, second, third] = receiver.requests.map((request) => request.at);
    if (first === undefined || second === undefined || third === undefined) throw new Error();
    // Base 100 ms: the first retry waits 100 ms, the second 200 ms.
    expect(second - first).toBeGreaterThanOrEqual(90);
    expect(third - second).toBeGreaterThanOrEqual(190);
    for (const request of receiver.requests) {
      expect(
        verifySignature(secret, request.headers["x-realskills-signature"] as string, request.body),
      ).toBe(true);
    }
    const event = JSON.parse(receiver.requests[2]?.body ?? "{}") as Record<string, unknown>;
    expect(event).toMatchObject({
      type: "assessment.published",
      organizationId: org.organization.id,
      assessment: { slug, version: 1, publishedAt: expect.any(String) },
    });

    const [delivery] = (await deliveries(org, { endpointId: endpoint.id })).nodes;
    expect(delivery).toMatchObject({
      eventType: "ASSESSMENT_PUBLISHED",
      status: "DELIVERED",
      attempts: 3,
      lastStatusCode: 204,
      lastError: null,
    });
    await admin(org, DISABLE, { id: endpoint.id });
  });

  it("gives up after the last try and records why", async () => {
    const { endpoint } = await createEndpoint(org, receiver.url, ["ASSESSMENT_PUBLISHED"]);
    receiver.respond = () => 503;
    await publishNewAssessment(org);
    worker.start();
    await waitFor(
      async () =>
        (await deliveries(org, { status: "FAILED", endpointId: endpoint.id })).totalCount === 1,
    );
    await worker.stop();
    expect(receiver.requests).toHaveLength(3);
    const [delivery] = (await deliveries(org, { endpointId: endpoint.id })).nodes;
    expect(delivery).toMatchObject({
      status: "FAILED",
      attempts: 3,
      lastStatusCode: 503,
      lastError: "HTTP 503",
      deliveredAt: null,
    });
    await admin(org, DISABLE, { id: endpoint.id });
  });

  it("keeps endpoints and deliveries to their organisation", async () => {
    const ours = await createEndpoint(org, receiver.url, ["ATTEMPT_COMPLETED"]);
    const theirs = await createEndpoint(other, receiver.url, ["ATTEMPT_COMPLETED"]);

    await completeAttempt(other, "webhook-other-employee");
    expect(await worker.runOnce()).toBe(1);
    const [request] = receiver.requests;
    expect(JSON.parse(request?.body ?? "{}")).toMatchObject({
      organizationId: other.organization.id,
    });

    const ourList = (await admin<{ webhookEndpoints: Endpoint[] }>(org, ENDPOINTS))
      .webhookEndpoints;
    expect(ourList.map((endpoint) => endpoint.id)).toContain(ours.endpoint.id);
    expect(ourList.map((endpoint) => endpoint.id)).not.toContain(theirs.endpoint.id);
    const ourLog = await deliveries(org, { endpointId: ours.endpoint.id });
    expect(ourLog.totalCount).toBe(0);
    const theirLog = await deliveries(other);
    expect(theirLog.nodes.map((delivery) => delivery.endpointId)).toEqual([theirs.endpoint.id]);

    for (const [query, variables] of [
      [DISABLE, { id: theirs.endpoint.id }],
      [DELIVERIES, { endpointId: theirs.endpoint.id }],
      [DISABLE, { id: "not-an-id" }],
    ] as const) {
      const { body } = await app.http(query, variables, { token: org.apiKey });
      expect(body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
    await admin(org, DISABLE, { id: ours.endpoint.id });
    await admin(other, DISABLE, { id: theirs.endpoint.id });
  });

  it("stops queuing for a disabled endpoint and audits both changes", async () => {
    const { endpoint } = await createEndpoint(org, receiver.url, ["ASSESSMENT_PUBLISHED"]);
    const disabled = await admin<{ disableWebhookEndpoint: Endpoint }>(org, DISABLE, {
      id: endpoint.id,
    });
    expect(disabled.disableWebhookEndpoint.disabledAt).not.toBeNull();
    await publishNewAssessment(org);
    expect(await worker.runOnce()).toBe(0);
    expect((await deliveries(org, { endpointId: endpoint.id })).totalCount).toBe(0);

    const audit = await admin<{ auditLog: { nodes: { action: string; targetId: string }[] } }>(
      org,
      `{ auditLog(first: 50) { nodes { action targetId } } }`,
    );
    const actions = audit.auditLog.nodes
      .filter((entry) => entry.targetId === endpoint.id)
      .map((entry) => entry.action);
    expect(actions).toEqual(["webhook_endpoint.disable", "webhook_endpoint.create"]);
  });

  it("lets two workers share the outbox without sending anything twice", async () => {
    const { endpoint } = await createEndpoint(org, receiver.url, ["ASSESSMENT_PUBLISHED"]);
    await publishNewAssessment(org);
    await publishNewAssessment(org);
    await publishNewAssessment(org);
    const second = new WebhookWorker(app.database.dataSource, pino({ level: "silent" }), {
      pollIntervalMs: 20,
      backoffBaseMs: 100,
      maxAttempts: 3,
      batchSize: 2,
    });
    const [a, b] = await Promise.all([worker.runOnce(), second.runOnce()]);
    expect(a + b).toBe(3);
    expect(await second.runOnce()).toBe(0);
    const ids = receiver.requests.map((request) => request.headers["x-realskills-delivery"]);
    expect(new Set(ids).size).toBe(3);
    expect(ids).toHaveLength(3);
    expect(
      (await deliveries(org, { endpointId: endpoint.id, status: "DELIVERED" })).totalCount,
    ).toBe(3);
    await admin(org, DISABLE, { id: endpoint.id });
  });

  it("pages the delivery log newest first", async () => {
    const { endpoint } = await createEndpoint(org, receiver.url, ["ASSESSMENT_PUBLISHED"]);
    await publishNewAssessment(org);
    await publishNewAssessment(org);
    await publishNewAssessment(org);
    const firstPage = await deliveries(org, { endpointId: endpoint.id, first: 2 });
    expect(firstPage.totalCount).toBe(3);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const secondPage = await deliveries(org, {
      endpointId: endpoint.id,
      first: 2,
      after: firstPage.pageInfo.endCursor,
    });
    expect(secondPage.pageInfo.hasNextPage).toBe(false);
    const slugsInOrder = [...firstPage.nodes, ...secondPage.nodes].map(
      (delivery) => (delivery.payload.assessment as { slug: string }).slug,
    );
    expect(slugsInOrder).toEqual([
      `webhook-check-${slugs}`,
      `webhook-check-${slugs - 1}`,
      `webhook-check-${slugs - 2}`,
    ]);
    // Disabling gives up what is still pending.
    await admin(org, DISABLE, { id: endpoint.id });
    expect((await deliveries(org, { endpointId: endpoint.id, status: "FAILED" })).totalCount).toBe(
      3,
    );
  });
});

describe("webhook administration", () => {
  it("is for ADMIN keys only", async () => {
    const { body: created } = await app.http<{ createApiKey: { key: string } }>(
      `mutation { createApiKey(input: { name: "analyst", role: ANALYST }) { key } }`,
      {},
      { token: org.apiKey },
    );
    const analyst = created.data?.createApiKey.key;
    if (!analyst) throw new Error("no analyst key");
    for (const [query, variables] of [
      [
        CREATE_ENDPOINT,
        { input: { url: "https://hr.example.com/hooks", events: ["ATTEMPT_COMPLETED"] } },
      ],
      [ENDPOINTS, {}],
      [DISABLE, { id: "00000000-0000-4000-8000-000000000000" }],
      [DELIVERIES, {}],
    ] as const) {
      const { body } = await app.http(query, variables, { token: analyst });
      expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });

  it.each([
    ["not a url"],
    ["ftp://hr.example.com/hooks"],
    ["javascript:alert(1)"],
    ["file:///etc/passwd"],
    ["https://user:secret@hr.example.com/hooks"],
    ["https://token@hr.example.com/hooks"],
  ])("refuses the URL %s", async (url) => {
    const { body } = await app.http(
      CREATE_ENDPOINT,
      { input: { url, events: ["ATTEMPT_COMPLETED"] } },
      { token: org.apiKey },
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.url",
    });
  });

  it("refuses plain http unless allowed", () => {
    expect(() => checkWebhookUrl("http://hr.example.com/hooks", false)).toThrow(/https:\/\//);
    expect(checkWebhookUrl("http://hr.example.com/hooks", true)).toBe(
      "http://hr.example.com/hooks",
    );
    expect(checkWebhookUrl(" https://hr.example.com/hooks ", false)).toBe(
      "https://hr.example.com/hooks",
    );
  });

  it("needs at least one event", async () => {
    const { body } = await app.http(
      CREATE_ENDPOINT,
      { input: { url: "https://hr.example.com/hooks", events: [] } },
      { token: org.apiKey },
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.events",
    });
  });
});
