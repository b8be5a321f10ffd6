import net from "node:net";
import { pino } from "pino";
import { createServer } from "../server.js";
import { createTestApp, type TestApp } from "../test-support/harness.js";

let app: TestApp;
let base: string;

beforeAll(async () => {
  app = await createTestApp();
  const address = await app.server.listen(0, "127.0.0.1");
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await app.close();
});

function post(body: string, headers: Record<string, string> = {}) {
  return fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

async function errorOf(response: Response) {
  const text = await response.text();
  expect(text).not.toMatch(/\bat .+\.(js|ts):\d+/); // no stack trace
  return (JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] })
    .errors[0];
}

describe("HTTP", () => {
  it("reports liveness and readiness", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("serves GraphQL over POST, in the language of Accept-Language", async () => {
    const response = await post(
      JSON.stringify({ query: `{ skill(slug: "excellence") { slug name } }` }),
      {
        "accept-language": "de-DE",
      },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { skill: { slug: string; name: string } } };
    expect(body.data.skill.slug).toBe("excellence");
    const english = (await (
      await post(JSON.stringify({ query: `{ skill(slug: "excellence") { name } }` }))
    ).json()) as {
      data: { skill: { name: string } };
    };
    expect(body.data.skill.name).not.toBe(english.data.skill.name);
  });

  it("lets any page read the public library (CORS preflight)", async () => {
    const response = await fetch(`${base}/graphql`, {
      method: "OPTIONS",
      headers: {
        origin: "https://intranet.example.com",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("answers malformed JSON with GRAPHQL_PARSE_FAILED, not a 500", async () => {
    const response = await post(`{"query": "{ skills { totalCount } }"`);
    expect(response.status).toBe(400);
    expect((await errorOf(response))?.extensions.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("answers a body over the limit with 413 and BAD_REQUEST", async () => {
    const response = await post(
      JSON.stringify({ query: `{ skills { totalCount } }`, pad: "x".repeat(200_000) }),
    );
    expect(response.status).toBe(413);
    expect((await errorOf(response))?.extensions.code).toBe("BAD_REQUEST");
  });

  it("answers broken and invalid queries with listed codes", async () => {
    const syntax = await post(JSON.stringify({ query: "{ skills { " }));
    expect(syntax.status).toBe(400);
    expect((await errorOf(syntax))?.extensions.code).toBe("GRAPHQL_PARSE_FAILED");

    const unknownField = await post(JSON.stringify({ query: "{ skills { nodes { salary } } }" }));
    expect(unknownField.status).toBe(400);
    expect((await errorOf(unknownField))?.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");

    const badVariable = await post(
      JSON.stringify({
        query: "query($l: Locale) { skills(locale: $l) { totalCount } }",
        variables: { l: "FR" },
      }),
    );
    expect(badVariable.status).toBe(400);
    expect((await errorOf(badVariable))?.extensions.code).toBe("BAD_USER_INPUT");
  });

  it("answers every refusal in the JSON error shape: unknown paths, subscriptions, bad HTTP", async () => {
    const unknownPath = await fetch(`${base}/graphql;jsessionid=1`, { method: "POST" });
    expect(unknownPath.status).toBe(404);
    expect((await errorOf(unknownPath))?.extensions.code).toBe("NOT_FOUND");

    const subscription = await post(JSON.stringify({ query: "subscription { viewer { kind } }" }));
    expect(subscription.status).toBe(400);
    expect((await errorOf(subscription))?.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");

    // Node's parser refuses these before Express sees them.
    const raw = (request: string) =>
      new Promise<string>((resolve) => {
        const socket = net.connect(Number(new URL(base).port), "127.0.0.1");
        let answer = "";
        socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
        socket.on("close", () => {
          resolve(answer);
        });
        socket.end(request);
      });
    const huge = await raw(
      `GET /graphql HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
    );
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    const garbled = await raw("BREW /graphql HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(garbled).toMatch(/^HTTP\/1\.1 400 /);
    for (const answer of [huge, garbled]) {
      expect(answer).toMatch(/content-type: application\/json/i);
      const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)) as {
        errors: { extensions: { code: string } }[];
      };
      expect(body.errors[0]?.extensions.code).toBe("BAD_REQUEST");
    }
  });

  it("answers 408 and closes the connection of a client too slow to send its request", async () => {
    const slow = await createServer({
      config: { maxBodyBytes: 100_000, shutdownTimeoutMs: 1_000, requestTimeoutMs: 1_000 },
      database: app.database,
      logger: pino({ level: "silent" }),
    });
    const { port } = await slow.listen(0, "127.0.0.1");
    try {
      const socket = net.connect(port, "127.0.0.1");
      let answer = "";
      socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
      const closed = new Promise<number>((resolve) => {
        const sentAt = Date.now();
        socket.on("close", () => {
          resolve(Date.now() - sentAt);
        });
      });
      // Headers promise 100 bytes of body; 10 come, the rest never does.
      socket.write(
        'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":',
      );
      const after = await closed;
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(after).toBeGreaterThanOrEqual(900);
      expect(after).toBeLessThan(5_000);
    } finally {
      await slow.stop();
    }
  });

  it("reports not ready, and answers 503 with a retriable code, once the database is gone", async () => {
    const organization = await app.createOrganization({ origins: ["https://intranet.example"] });
    const employee = await app.mintToken(organization, { sub: "e-1" });
    await app.database.dataSource.destroy();
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    // Anonymous (fails in a resolver), an API key (fails authenticating), an employee's widget
    // (fails in the CORS check, before GraphQL): the same answer, which clients retry.
    const answers = [
      await post(JSON.stringify({ query: `{ skills { totalCount } }` })),
      await post(JSON.stringify({ query: `{ viewer { kind } }` }), {
        authorization: `Bearer ${organization.apiKey}`,
      }),
      await post(JSON.stringify({ query: `{ viewer { kind } }` }), {
        authorization: `Bearer ${employee}`,
        origin: "https://intranet.example",
      }),
    ];
    // The widget's page can read the one that failed before CORS ran.
    expect(answers[2]?.headers.get("access-control-allow-origin")).toBe("*");
    for (const response of answers) {
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("1");
      const error = await errorOf(response);
      expect(error?.extensions).toEqual({ code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 1 });
      expect(error?.message).not.toMatch(/pool|destroy|typeorm|ECONN/i);
    }
  });
});
