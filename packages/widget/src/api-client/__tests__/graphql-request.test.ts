import { fetchLesson, fetchLibrary, LIBRARY_QUERY } from "../index.js";

const ENDPOINT = "https://api.example.test/graphql";
const realFetch = globalThis.fetch;

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/graphql-response+json" },
  });
}

type FetchCall = Parameters<typeof fetch>;

/** Replaces `fetch` with one that answers every request with `answer()`; returns the calls. */
function mockFetch(answer: () => Promise<Response>): FetchCall[] {
  const calls: FetchCall[] = [];
  globalThis.fetch = (...args: FetchCall) => {
    calls.push(args);
    return answer();
  };
  return calls;
}

afterEach(() => {
  globalThis.fetch = realFetch;
});

describe("the API client", () => {
  it("posts the query as JSON with the locale as the API's enum", async () => {
    const calls = mockFetch(() =>
      Promise.resolve(jsonResponse({ data: { skills: { nodes: [] } } })),
    );

    const result = await fetchLibrary(ENDPOINT, "de");

    expect(result).toEqual({ ok: true, value: [] });
    const [url, init] = calls[0] ?? [];
    expect(url).toBe(ENDPOINT);
    expect(init?.method).toBe("POST");
    expect(new Headers(init?.headers).get("accept")).toBe(
      "application/graphql-response+json, application/json",
    );
    expect(typeof init?.body).toBe("string");
    expect(JSON.parse(init?.body as string)).toEqual({
      query: LIBRARY_QUERY.query,
      operationName: "WidgetLibrary",
      variables: { locale: "DE" },
    });
  });

  it("returns null, not an error, for a lesson that does not exist", async () => {
    mockFetch(() => Promise.resolve(jsonResponse({ data: { lesson: null } })));
    expect(await fetchLesson(ENDPOINT, "no-such-lesson", "en")).toEqual({ ok: true, value: null });
  });

  it("takes the code of the first GraphQL error, even with a 4xx status", async () => {
    mockFetch(() =>
      Promise.resolve(
        jsonResponse(
          {
            errors: [
              { message: "slug is malformed", extensions: { code: "BAD_USER_INPUT" } },
              { message: "second", extensions: { code: "INTERNAL_SERVER_ERROR" } },
            ],
          },
          400,
        ),
      ),
    );

    expect(await fetchLesson(ENDPOINT, "Not A Slug", "en")).toEqual({
      ok: false,
      error: { code: "BAD_USER_INPUT", message: "slug is malformed" },
    });
  });

  it("keeps when a retake cooldown ends, for the reader's own words", async () => {
    const availableAt = "2026-12-03T09:30:00.000Z";
    const message = "You can take this assessment again from then.";
    mockFetch(() =>
      Promise.resolve(
        jsonResponse({
          errors: [{ message, extensions: { code: "RETAKE_COOLDOWN", availableAt } }],
        }),
      ),
    );
    expect(await fetchLibrary(ENDPOINT, "en")).toEqual({
      ok: false,
      error: { code: "RETAKE_COOLDOWN", message, availableAt },
    });
  });

  it("reports NETWORK_ERROR when no answer comes", async () => {
    mockFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    expect(await fetchLibrary(ENDPOINT, "en")).toEqual({
      ok: false,
      error: { code: "NETWORK_ERROR", message: "Failed to fetch" },
    });
  });

  it.each([
    ["a body that is not JSON", () => new Response("<h1>Bad Gateway</h1>", { status: 502 })],
    ["an error status without GraphQL errors", () => jsonResponse({ message: "nope" }, 500)],
    ["an answer without data", () => jsonResponse({})],
    ["an error without a code", () => jsonResponse({ errors: [{ message: "odd" }] })],
    [
      "an error code outside the shared list",
      () => jsonResponse({ errors: [{ message: "odd", extensions: { code: "TEAPOT" } }] }),
    ],
  ])("reports BAD_RESPONSE for %s", async (_case, respond) => {
    mockFetch(() => Promise.resolve(respond()));
    const result = await fetchLibrary(ENDPOINT, "en");
    expect(result.ok ? undefined : result.error.code).toBe("BAD_RESPONSE");
  });
});
