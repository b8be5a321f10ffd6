import { createTestApp, type TestApp } from "../test-support/harness.js";

// What a browser decides from these headers: `*` lets any page read the public library, an
// echoed origin lets a listed page send its token, and no Access-Control-Allow-Origin blocks it.

const LISTED_ORIGIN = "https://intranet.example.com";
const UNLISTED_ORIGIN = "https://unlisted.example.com";

let app: TestApp;
let graphqlUrl: string;

beforeAll(async () => {
  app = await createTestApp();
  await app.createOrganization({ origins: [LISTED_ORIGIN] });
  graphqlUrl = `${await app.url()}/graphql`;
});

afterAll(async () => {
  await app.close();
});

function preflight(origin: string, requestHeaders: string): Promise<Response> {
  return fetch(graphqlUrl, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": requestHeaders,
    },
  });
}

const allowedHeadersOf = (response: Response) =>
  (response.headers.get("access-control-allow-headers") ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase());

describe("CORS preflight", () => {
  it.each([LISTED_ORIGIN, UNLISTED_ORIGIN])(
    "lets any page (%s) read without credentials",
    async (origin) => {
      const response = await preflight(origin, "content-type");
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-allow-methods")).toContain("POST");
      expect(allowedHeadersOf(response)).toContain("content-type");
    },
  );

  it("lets a page on an origin some organisation lists send credentials", async () => {
    const response = await preflight(LISTED_ORIGIN, "content-type, authorization");
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(LISTED_ORIGIN);
    expect(response.headers.get("vary")).toMatch(/\borigin\b/i);
    expect(allowedHeadersOf(response)).toContain("authorization");
  });

  it("refuses credentials to a page on an origin no organisation lists", async () => {
    const response = await preflight(UNLISTED_ORIGIN, "content-type, authorization");
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("vary")).toMatch(/\borigin\b/i);
  });
});

describe("CORS on requests", () => {
  it("lets any page read the public library anonymously", async () => {
    const { status, headers, body } = await app.http<{ skills: { totalCount: number } }>(
      `{ skills { totalCount } }`,
      {},
      { origin: UNLISTED_ORIGIN },
    );
    expect(status).toBe(200);
    expect(body.data?.skills.totalCount).toBeGreaterThan(0);
    expect(headers.get("access-control-allow-origin")).toBe("*");
  });
});
