import { readFile } from "node:fs/promises";
import http from "node:http";
import { fileURLToPath } from "node:url";
import {
  createStorage,
  freePort,
  runCli,
  startApi,
  type ApiProcess,
  type Storage,
} from "../support/stack.js";

// Webhooks from the real API process: the outbox survives a receiver that is down and an API
// that is killed in the middle of a delivery (at least once, docs/decisions/0011-webhook-outbox.md).

const examples = fileURLToPath(new URL("../../packages/api/examples/admin/", import.meta.url));

let storage: Storage;
let apiKey: string;
let env: Record<string, string>;

beforeAll(async () => {
  storage = await createStorage();
  expect(runCli(["content", "import"], storage.env).status).toBe(0);
  const created = runCli(
    ["org", "create", "--name", "Webhook Co", "--origin", "https://intranet.example.com", "--json"],
    storage.env,
  );
  expect(created.status).toBe(0);
  apiKey = (JSON.parse(created.stdout) as { apiKey: string }).apiKey;
  env = {
    ...storage.env,
    WEBHOOK_ALLOW_HTTP: "true",
    WEBHOOK_POLL_INTERVAL_MS: "50",
    WEBHOOK_BACKOFF_BASE_MS: "200",
    WEBHOOK_LEASE_MS: "2000",
  };
});

afterAll(async () => {
  await storage.dispose();
});

interface Delivery {
  id: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
}

async function admin<T>(api: ApiProcess, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  if (!body.data) throw new Error("no data");
  return body.data;
}

async function createEndpoint(api: ApiProcess, url: string): Promise<string> {
  const data = await admin<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
    api,
    `mutation($url: String!) {
      createWebhookEndpoint(input: { url: $url, events: [ASSESSMENT_PUBLISHED] }) { endpoint { id } }
    }`,
    { url },
  );
  return data.createWebhookEndpoint.endpoint.id;
}

let published = 0;

/** Creates and publishes an assessment (the admin examples' one under a new slug). */
async function publishAssessment(api: ApiProcess): Promise<void> {
  published += 1;
  const slug = `webhook-e2e-${published}`;
  const create = (await readFile(`${examples}1-create-assessment.graphql`, "utf8")).replace(
    '"team-decisions"',
    `"${slug}"`,
  );
  await admin(api, create);
  await admin(api, `mutation($slug: String!) { publishAssessment(slug: $slug) { slug } }`, {
    slug,
  });
}

async function deliveryOf(api: ApiProcess, endpointId: string): Promise<Delivery | undefined> {
  const data = await admin<{ webhookDeliveries: { nodes: Delivery[] } }>(
    api,
    `query($endpointId: ID) {
      webhookDeliveries(endpointId: $endpointId) { nodes { id status attempts lastStatusCode lastError } }
    }`,
    { endpointId },
  );
  return data.webhookDeliveries.nodes[0];
}

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Receiver {
  deliveryIds: string[];
  close(): Promise<void>;
}

/** A receiver on `port`; `onRequest` decides when (and whether) to answer. */
async function listen(
  port: number,
  onRequest: (response: http.ServerResponse, count: number) => void,
): Promise<Receiver> {
  const deliveryIds: string[] = [];
  const server = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      deliveryIds.push(String(request.headers["x-realskills-delivery"]));
      onRequest(response, deliveryIds.length);
    });
  });
  await new Promise<void>((resolve) => {
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    deliveryIds,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

describe("webhooks from the API process", () => {
  it("retries while the receiver is down and delivers once it is up", async () => {
    const port = await freePort();
    const api = await startApi(env);
    let receiver: Receiver | undefined;
    try {
      const endpointId = await createEndpoint(api, `http://127.0.0.1:${port}/hooks`);
      await publishAssessment(api);
      // Nothing listens yet: the tries fail and are recorded.
      await waitFor(async () => ((await deliveryOf(api, endpointId))?.attempts ?? 0) >= 2);
      const failing = await deliveryOf(api, endpointId);
      expect(failing).toMatchObject({ status: "PENDING", lastStatusCode: null });
      expect(failing?.lastError).toMatch(/ECONNREFUSED|fetch failed/);

      receiver = await listen(port, (response) => response.end("ok"));
      await waitFor(async () => (await deliveryOf(api, endpointId))?.status === "DELIVERED");
      const delivered = await deliveryOf(api, endpointId);
      expect(delivered).toMatchObject({ lastStatusCode: 200, lastError: null });
      expect(delivered?.attempts).toBeGreaterThanOrEqual(3);
      expect(receiver.deliveryIds).toEqual([delivered?.id]);
    } finally {
      await api.stop();
      await receiver?.close();
    }
  });

  it("sends a delivery again after the API was killed in the middle of it", async () => {
    const port = await freePort();
    let held: http.ServerResponse | undefined;
    const receiver = await listen(port, (response, count) => {
      // The first request is held open until the API is dead; later ones are answered at once.
      if (count === 1) held = response;
      else response.end("ok");
    });
    const api = await startApi(env);
    let restarted: ApiProcess | undefined;
    try {
      const endpointId = await createEndpoint(api, `http://127.0.0.1:${port}/hooks`);
      await publishAssessment(api);
      await waitFor(() => held !== undefined);
      expect(await api.stop("SIGKILL")).toBeNull();
      held?.end("ok");

      restarted = await startApi(env);
      const api2 = restarted;
      await waitFor(async () => (await deliveryOf(api2, endpointId))?.status === "DELIVERED");
      const delivered = await deliveryOf(api2, endpointId);
      // The same delivery, twice: receivers drop the duplicate by its X-RealSkills-Delivery id.
      expect(receiver.deliveryIds).toEqual([delivered?.id, delivered?.id]);
      expect(delivered).toMatchObject({ status: "DELIVERED", lastStatusCode: 200 });
    } finally {
      await restarted?.stop();
      await receiver.close();
    }
  });
});
