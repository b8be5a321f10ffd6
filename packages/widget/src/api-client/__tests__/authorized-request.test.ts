import { authorizedRequest, LIBRARY_QUERY, readClaims } from "../index.js";

const ENDPOINT = "https://api.example.test/graphql";
const realFetch = globalThis.fetch;

function respond(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/graphql-response+json" },
  });
}

const REFUSED = { errors: [{ message: "expired", extensions: { code: "UNAUTHENTICATED" } }] };
const DATA = { data: { skills: { nodes: [] } } };

/** Answers each request with the next body and records the Authorization header it carried. */
function mockFetch(...answers: Response[]): (string | null)[] {
  const seen: (string | null)[] = [];
  globalThis.fetch = (_url, init) => {
    seen.push(new Headers(init?.headers).get("authorization"));
    return Promise.resolve(answers.shift() ?? respond(DATA));
  };
  return seen;
}

/** A provider that hands out token-1, token-2, … and counts its calls. */
function tokens() {
  const provider = () => `token-${(provider.calls += 1)}`;
  provider.calls = 0;
  return provider;
}

/** An unsigned JWT with the given payload, as the widget only reads payloads. */
function jwt(payload: object): string {
  const encode = (value: object) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
  return `${encode({ alg: "HS256" })}.${encode(payload)}.c2ln`;
}

const send = (provider: (() => string) | undefined) =>
  authorizedRequest(ENDPOINT, LIBRARY_QUERY, { locale: "EN" }, provider);

afterEach(() => {
  globalThis.fetch = realFetch;
});

describe("requests with an embed token", () => {
  it("sends the token as a Bearer header and reuses it", async () => {
    const seen = mockFetch(respond(DATA), respond(DATA));
    const provider = tokens();
    expect((await send(provider)).ok).toBe(true);
    expect((await send(provider)).ok).toBe(true);
    expect(seen).toEqual(["Bearer token-1", "Bearer token-1"]);
    expect(provider.calls).toBe(1);
  });

  it("refreshes the token once and retries once when the API refuses it", async () => {
    const seen = mockFetch(respond(REFUSED, 401), respond(DATA));
    const provider = tokens();
    expect(await send(provider)).toEqual({ ok: true, value: DATA.data });
    expect(seen).toEqual(["Bearer token-1", "Bearer token-2"]);
    expect(provider.calls).toBe(2);
  });

  it("gives up after the second refusal instead of asking again and again", async () => {
    const seen = mockFetch(respond(REFUSED, 401), respond(REFUSED, 401), respond(DATA));
    const provider = tokens();
    const result = await send(provider);
    expect(result.ok ? undefined : result.error.code).toBe("UNAUTHENTICATED");
    expect(seen).toHaveLength(2);
    expect(provider.calls).toBe(2);
  });

  it("asks for one token when several requests start together", async () => {
    mockFetch();
    let calls = 0;
    const provider = () => {
      calls += 1;
      return new Promise<string>((resolve) => {
        setTimeout(() => {
          resolve("shared");
        }, 5);
      });
    };
    await Promise.all(
      [1, 2, 3].map(() => authorizedRequest(ENDPOINT, LIBRARY_QUERY, { locale: "EN" }, provider)),
    );
    expect(calls).toBe(1);
  });

  it("replaces a token that has visibly expired before sending it", async () => {
    const seen = mockFetch();
    const expired = jwt({ sub: "e1", exp: Math.floor(Date.now() / 1000) - 10 });
    const fresh = jwt({ sub: "e1", exp: Math.floor(Date.now() / 1000) + 600 });
    const issued = [expired, fresh];
    const provider = () => issued.shift() ?? fresh;
    await authorizedRequest(ENDPOINT, LIBRARY_QUERY, { locale: "EN" }, provider);
    await authorizedRequest(ENDPOINT, LIBRARY_QUERY, { locale: "EN" }, provider);
    expect(seen).toEqual([`Bearer ${expired}`, `Bearer ${fresh}`]);
  });

  it("reports UNAUTHENTICATED without a request when no provider is set", async () => {
    const seen = mockFetch();
    const result = await send(undefined);
    expect(result.ok ? undefined : result.error.code).toBe("UNAUTHENTICATED");
    expect(seen).toEqual([]);
  });

  it("reports a provider that fails: NETWORK_ERROR when its fetch got no answer", async () => {
    mockFetch();
    const offline = () => Promise.reject(new TypeError("Failed to fetch"));
    const signedOut = () => Promise.reject(new Error("401 from /token"));
    const first = await authorizedRequest(ENDPOINT, LIBRARY_QUERY, { locale: "EN" }, offline);
    const second = await authorizedRequest(ENDPOINT, LIBRARY_QUERY, { locale: "EN" }, signedOut);
    expect(first.ok ? undefined : first.error.code).toBe("NETWORK_ERROR");
    expect(second.ok ? undefined : second.error.code).toBe("UNAUTHENTICATED");
  });
});

describe("readClaims", () => {
  it("reads sub, exp and locale without verifying, and nothing from garbage", () => {
    expect(readClaims(jwt({ sub: "mitarbeiterin-ä", exp: 5, locale: "de", role: "x" }))).toEqual({
      sub: "mitarbeiterin-ä",
      exp: 5,
      locale: "de",
    });
    expect(readClaims(jwt({ sub: "s", locale: 7 }))).toEqual({ sub: "s" });
    expect(readClaims("not-a-token")).toEqual({});
    expect(readClaims("a.%%%.c")).toEqual({});
  });
});
