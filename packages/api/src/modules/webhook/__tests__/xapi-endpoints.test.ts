import { pino } from "pino";
import type { CreatedOrganization } from "../../organization/organization.service.js";
import { createTestApp, type TestApp } from "../../../test-support/harness.js";
import {
  BEST_DECISION_QUALITY,
  Employee,
  ORIGIN,
} from "../../attempt/__tests__/attempt.fixtures.js";
import { WebhookWorker } from "../webhook.worker.js";
import { startReceiver, waitFor, type Receiver } from "./webhook.fixtures.js";

// XAPI endpoints: the same outbox and worker as webhooks, each delivery sent to an LRS as one
// xAPI statement (docs/api.md, Webhooks, xAPI).

const AUTHORIZATION = "Basic bHJzLWtleTpscnMtc2VjcmV0";

const CREATE_ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id url format events } }
}`;
const DISABLE = `mutation($id: ID!) { disableWebhookEndpoint(id: $id) { id } }`;
const DELIVERIES = `query($endpointId: ID) {
  webhookDeliveries(endpointId: $endpointId) {
    nodes { id status attempts lastStatusCode lastError deliveredAt payload }
  }
}`;

interface Delivery {
  id: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  payload: Record<string, unknown>;
}

let app: TestApp;
let org: CreatedOrganization;
let worker: WebhookWorker;
let receiver: Receiver;

beforeAll(async () => {
  app = await createTestApp({ webhookAllowHttp: true });
  org = await app.createOrganization({ origins: [ORIGIN] });
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

beforeEach(async () => {
  receiver = await startReceiver();
});

afterEach(async () => {
  await worker.stop();
  await receiver.close();
});

async function admin<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { body } = await app.http<T>(query, variables, { token: org.apiKey });
  expect(body.errors).toBeUndefined();
  if (!body.data) throw new Error("no data");
  return body.data;
}

/** An XAPI endpoint whose LRS base URL is the receiver's `/xapi`. */
async function createLrsEndpoint(): Promise<string> {
  const data = await admin<{
    createWebhookEndpoint: { endpoint: { id: string; url: string; format: string } };
  }>(CREATE_ENDPOINT, {
    input: {
      url: receiver.url.replace(/\/hooks$/, "/xapi"),
      events: ["ATTEMPT_COMPLETED"],
      format: "XAPI",
      authorization: AUTHORIZATION,
    },
  });
  expect(data.createWebhookEndpoint.endpoint.format).toBe("XAPI");
  return data.createWebhookEndpoint.endpoint.id;
}

async function completeAttempt(subject: string) {
  const employee = await Employee.of(app, org, subject, {
    team: "Platform",
    department: "Engineering",
  });
  const attempt = await employee.answered(
    await employee.started("decision-quality"),
    BEST_DECISION_QUALITY,
  );
  return employee.submitted(attempt.id, `submit-${subject}`);
}

async function deliveries(endpointId: string): Promise<Delivery[]> {
  return (await admin<{ webhookDeliveries: { nodes: Delivery[] } }>(DELIVERIES, { endpointId }))
    .webhookDeliveries.nodes;
}

it("sends a completed attempt to the LRS as one statement, retried until it is stored", async () => {
  const endpointId = await createLrsEndpoint();
  receiver.respond = (count) => (count === 1 ? 503 : 204);
  const result = await completeAttempt("xapi-employee-1");
  worker.start();
  await waitFor(() => receiver.requests.length === 2);
  await worker.stop();

  const [first, second] = receiver.requests;
  if (!first || !second) throw new Error("no requests");
  for (const request of [first, second]) {
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/xapi/statements");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["x-experience-api-version"]).toBe("1.0.3");
    expect(request.headers.authorization).toBe(AUTHORIZATION);
    expect(request.headers["x-realskills-signature"]).toBeUndefined();
  }
  // The retry is the same statement (same id), so the LRS keeps it once.
  expect(second.body).toBe(first.body);

  const [delivery] = await deliveries(endpointId);
  if (!delivery) throw new Error("no delivery");
  expect(delivery).toMatchObject({ status: "DELIVERED", attempts: 2, lastStatusCode: 204 });
  expect(JSON.parse(second.body)).toEqual({
    id: delivery.id,
    actor: {
      objectType: "Agent",
      account: {
        homePage: `urn:realskills:organization:${org.organization.id}`,
        name: "xapi-employee-1",
      },
    },
    verb: {
      id: "http://adlnet.gov/expapi/verbs/completed",
      display: { "en-US": "completed", "de-DE": "abgeschlossen" },
    },
    object: {
      objectType: "Activity",
      id: "urn:realskills:assessment:decision-quality",
      definition: {
        type: "http://adlnet.gov/expapi/activities/assessment",
        name: { "en-US": "decision-quality" },
      },
    },
    timestamp: result.submittedAt,
    context: {
      platform: "Real Skills",
      extensions: {
        "urn:realskills:extension:assessment-version": 1,
        "urn:realskills:extension:team": "Platform",
        "urn:realskills:extension:department": "Engineering",
      },
    },
  });
  // Privacy (design §4): the LRS learns that the employee finished, never how.
  expect(result.scores.length).toBeGreaterThan(0);
  expect(second.body).not.toMatch(/score|band|answer|option|feedback|result/i);
  // The delivery log shows the Real Skills event the statement was built from.
  expect(delivery.payload).toMatchObject({
    id: delivery.id,
    type: "attempt.completed",
    attempt: { subject: "xapi-employee-1" },
  });
  await admin(DISABLE, { id: endpointId });
});

it("counts 409 Conflict, the LRS already having the statement, as delivered", async () => {
  const endpointId = await createLrsEndpoint();
  receiver.respond = () => 409;
  await completeAttempt("xapi-employee-2");
  expect(await worker.runOnce()).toBe(1);
  expect(receiver.requests).toHaveLength(1);
  const [delivery] = await deliveries(endpointId);
  expect(delivery).toMatchObject({
    status: "DELIVERED",
    attempts: 1,
    lastStatusCode: 409,
    lastError: null,
  });
  await admin(DISABLE, { id: endpointId });
});

it("never shows the LRS authorization again: not in endpoints, deliveries or the audit log", async () => {
  const endpointId = await createLrsEndpoint();
  await completeAttempt("xapi-employee-3");
  await worker.runOnce();
  // Every field of every type the admin can read about the endpoint.
  const { body } = await app.http(
    `query($endpointId: ID) {
      webhookEndpoints { id url format events description createdAt disabledAt }
      webhookDeliveries(endpointId: $endpointId) {
        nodes { id endpointId eventType payload status attempts lastStatusCode lastError }
      }
      auditLog(first: 50) { nodes { action targetId details } }
    }`,
    { endpointId },
    { token: org.apiKey },
  );
  expect(body.errors).toBeUndefined();
  const text = JSON.stringify(body.data);
  expect(text).toContain(endpointId);
  expect(text).not.toContain("bHJzLWtleTpscnMtc2VjcmV0");
  expect(text).not.toMatch(/authorization/i);
  await admin(DISABLE, { id: endpointId });
});

it.each([
  [
    "another event than attempt.completed",
    { events: ["ATTEMPT_COMPLETED", "ASSESSMENT_PUBLISHED"], authorization: AUTHORIZATION },
    "input.events",
  ],
  ["no authorization", { events: ["ATTEMPT_COMPLETED"] }, "input.authorization"],
  [
    "an authorization over two lines",
    { events: ["ATTEMPT_COMPLETED"], authorization: "Basic a\r\nX-Evil: 1" },
    "input.authorization",
  ],
])("refuses an XAPI endpoint with %s", async (_, input, field) => {
  const { body } = await app.http(
    CREATE_ENDPOINT,
    { input: { url: "https://lrs.example.com/xapi", format: "XAPI", ...input } },
    { token: org.apiKey },
  );
  expect(body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
});

it("refuses an authorization for a Real Skills endpoint", async () => {
  const { body } = await app.http(
    CREATE_ENDPOINT,
    {
      input: {
        url: "https://hr.example.com/hooks",
        events: ["ATTEMPT_COMPLETED"],
        authorization: AUTHORIZATION,
      },
    },
    { token: org.apiKey },
  );
  expect(body.errors?.[0]?.extensions).toMatchObject({
    code: "BAD_USER_INPUT",
    field: "input.authorization",
  });
});

it("lets only ADMIN keys create XAPI endpoints", async () => {
  const { body: created } = await app.http<{ createApiKey: { key: string } }>(
    `mutation { createApiKey(input: { name: "analyst", role: ANALYST }) { key } }`,
    {},
    { token: org.apiKey },
  );
  const analyst = created.data?.createApiKey.key;
  if (!analyst) throw new Error("no analyst key");
  const { body } = await app.http(
    CREATE_ENDPOINT,
    {
      input: {
        url: "https://lrs.example.com/xapi",
        events: ["ATTEMPT_COMPLETED"],
        format: "XAPI",
        authorization: AUTHORIZATION,
      },
    },
    { token: analyst },
  );
  expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
});
