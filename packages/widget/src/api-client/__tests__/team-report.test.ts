import { fetchTeamReport } from "../index.js";

const ENDPOINT = "https://api.example.test/graphql";
const realFetch = globalThis.fetch;

afterEach(() => {
  globalThis.fetch = realFetch;
});

/** Answers with `body` and hands back what was sent. */
function mockFetch(body: unknown): { sent: { variables?: unknown; auth?: string | null } } {
  const record: { sent: { variables?: unknown; auth?: string | null } } = { sent: {} };
  globalThis.fetch = (_url, init) => {
    const { variables } = JSON.parse(init?.body as string) as { variables: unknown };
    record.sent = { variables, auth: new Headers(init?.headers).get("authorization") };
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        headers: { "Content-Type": "application/graphql-response+json" },
      }),
    );
  };
  return record;
}

const session = { endpoint: ENDPOINT, locale: "de" as const, getToken: () => "analyst-token" };

describe("fetchTeamReport", () => {
  it("asks with the analyst's token, in the reader's language, and returns the report", async () => {
    const report = { groupBy: "TEAM", groups: [] };
    const record = mockFetch({ data: { teamReport: report } });
    const input = { assessmentSlug: "decision-quality", groupBy: "TEAM" as const };
    const result = await fetchTeamReport(session, input);
    expect(result).toEqual({ ok: true, value: report });
    expect(record.sent).toEqual({
      variables: { input, locale: "DE" },
      auth: "Bearer analyst-token",
    });
  });

  it("returns the API's error code, such as FORBIDDEN for an employee's token", async () => {
    mockFetch({ errors: [{ message: "analysts only", extensions: { code: "FORBIDDEN" } }] });
    const result = await fetchTeamReport(session, {
      assessmentSlug: "decision-quality",
      groupBy: "DEPARTMENT",
    });
    expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });
});
