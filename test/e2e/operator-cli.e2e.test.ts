import { createStorage, graphql, runCli, startApi, type Storage } from "../support/stack.js";

let storage: Storage;

beforeAll(async () => {
  storage = await createStorage();
});

afterAll(async () => {
  await storage.dispose();
});

const VIEWER = `{ viewer { kind role subject team organization { slug } } }`;

async function viewerWith(apiUrl: string, token: string, origin?: string) {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${token}`,
      ...(origin ? { origin } : {}),
    },
    body: JSON.stringify({ query: VIEWER }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("realskills org create and token mint", () => {
  it("create an organisation and a token the API accepts, with and without the server running", async () => {
    const created = runCli(
      [
        "org",
        "create",
        "--name",
        "Northwind Logistics",
        "--origin",
        "https://intranet.northwind.example",
        "--json",
      ],
      storage.env,
    );
    expect(created.stderr).toBe("");
    const output = JSON.parse(created.stdout) as Record<string, unknown>;
    // The documented shape, exactly.
    expect(Object.keys(output).sort()).toEqual(["apiKey", "embedKey", "organization"]);
    expect(output).toEqual({
      organization: { id: expect.any(String), slug: "northwind-logistics" },
      apiKey: expect.stringMatching(/^rsk_/),
      embedKey: { kid: expect.stringMatching(/^ek_/), secret: expect.any(String) },
    });

    const api = await startApi(storage.env);
    try {
      // While the server owns the embedded database, the CLI joins it through its socket.
      const minted = runCli(
        ["token", "mint", "--org", "northwind-logistics", "--sub", "employee-42", "--team", "blue"],
        storage.env,
      );
      expect(minted.status).toBe(0);
      const token = minted.stdout.trim();
      expect(token.split(".")).toHaveLength(3);

      const asEmployee = await viewerWith(api.url, token, "https://intranet.northwind.example");
      expect(asEmployee.body).toEqual({
        data: {
          viewer: {
            kind: "EMBED_TOKEN",
            role: "EMPLOYEE",
            subject: "employee-42",
            team: "blue",
            organization: { slug: "northwind-logistics" },
          },
        },
      });
      const fromElsewhere = await viewerWith(api.url, token, "https://evil.example");
      expect(fromElsewhere.status).toBe(401);

      const asAdmin = await viewerWith(api.url, output.apiKey as string);
      expect(asAdmin.body).toMatchObject({ data: { viewer: { kind: "API_KEY", role: "ADMIN" } } });
      expect((await graphql(api.url, VIEWER)).body.data).toMatchObject({
        viewer: { kind: "ANONYMOUS" },
      });
    } finally {
      await api.stop();
    }
  });

  it.each([
    [["org", "create", "--origin", "https://a.example"], /needs --name/],
    [["org", "create", "--name", "X"], /needs at least one --origin/],
    [["org", "create", "--name", "X", "--origin", "ftp://a.example"], /http or https/],
    [["org", "create", "--name", "X", "--origin", "https://a.example/path"], /origin only/],
    [["token", "mint", "--org", "northwind-logistics"], /needs --sub/],
    [["token", "mint", "--org", "nobody", "--sub", "x"], /no organisation "nobody"/],
    [
      ["token", "mint", "--org", "northwind-logistics", "--sub", "x", "--ttl", "25h"],
      /--ttl must be/,
    ],
    [
      ["token", "mint", "--org", "northwind-logistics", "--sub", "x", "--role", "boss"],
      /--role must be/,
    ],
    [["org", "delete"], /unknown command/],
  ])("explains %j", (args, message) => {
    const result = runCli(args, storage.env);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
  });
});
