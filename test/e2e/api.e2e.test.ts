import { createStorage, graphql, runCli, startApi, type Storage } from "../support/stack.js";

let storage: Storage;

beforeAll(async () => {
  storage = await createStorage();
});

afterAll(async () => {
  await storage.dispose();
});

describe("the API as a process", () => {
  it("imports the library idempotently from the command line", () => {
    const first = runCli(["content", "import", "--json"], storage.env);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      skills: { created: 9 },
      assessments: { created: 10 },
    });

    const second = runCli(["content", "import", "--json"], storage.env);
    expect(JSON.parse(second.stdout)).toMatchObject({
      skills: { created: 0, updated: 0, unchanged: 9 },
      assessments: { created: 0, newVersions: 0, unchanged: 10 },
    });
  });

  it("serves the library, keeps it across restarts, and stops cleanly on SIGTERM", async () => {
    const api = await startApi(storage.env);
    const query = `{ skills { totalCount } assessment(slug: "real-skills-check") { itemCount } }`;
    const before = await graphql<{ skills: { totalCount: number } }>(api.url, query);
    expect(before.body.data).toEqual({ skills: { totalCount: 9 }, assessment: { itemCount: 12 } });

    // A request in flight when SIGTERM arrives still gets its answer.
    const inFlight = graphql(
      api.url,
      `
        {
          assessments(first: 50) {
            nodes {
              items {
                options {
                  label
                }
              }
            }
          }
        }
      `,
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    const exitCode = api.stop("SIGTERM");
    expect((await inFlight).status).toBe(200);
    expect(await exitCode).toBe(0);
    expect(api.output()).toContain("shutting down");

    const again = await startApi(storage.env);
    try {
      expect((await graphql(again.url, query)).body.data).toEqual(before.body.data);
    } finally {
      await again.stop();
    }
  });

  it("refuses to start with a bad setting and names the variable", async () => {
    await expect(startApi({ ...storage.env, LOG_LEVEL: "chatty" })).rejects.toThrow(
      /LOG_LEVEL must be one of/,
    );
  });

  it("explains broken content on the command line without touching the database", () => {
    const result = runCli(["content", "import"], { ...storage.env, CONTENT_DIR: "/nonexistent" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("skills/: folder not found");
  });
});
