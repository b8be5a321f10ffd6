import { createTestApp, type TestApp } from "../../../test-support/harness.js";
import type { CreatedOrganization } from "../organization.service.js";

let app: TestApp;
let org: CreatedOrganization;

beforeAll(async () => {
  app = await createTestApp({ importContent: false });
  org = await app.createOrganization({ origins: ["https://intranet.example.com"] });
});

afterAll(async () => {
  await app.close();
});

const UPDATE = `mutation($input: OrganizationSettingsInput!) {
  updateOrganizationSettings(input: $input) { name allowedOrigins minGroupSize defaultLocale }
}`;

async function update(input: Record<string, unknown>, token = org.apiKey) {
  const { body } = await app.http<{ updateOrganizationSettings: Record<string, unknown> }>(
    UPDATE,
    { input },
    { token },
  );
  return body;
}

describe("updateOrganizationSettings", () => {
  it("changes the given settings and leaves the others alone", async () => {
    const body = await update({
      allowedOrigins: [
        "https://portal.example.com/",
        "http://localhost:8080",
        "https://portal.example.com",
      ],
      minGroupSize: 8,
      defaultLocale: "DE",
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.updateOrganizationSettings).toEqual({
      name: org.organization.name,
      allowedOrigins: ["https://portal.example.com", "http://localhost:8080"],
      minGroupSize: 8,
      defaultLocale: "DE",
    });
    const renamed = await update({ name: "  Renamed GmbH " });
    expect(renamed.data?.updateOrganizationSettings).toMatchObject({
      name: "Renamed GmbH",
      minGroupSize: 8,
    });
  });

  it("applies new origins to embed tokens at once", async () => {
    const token = await app.mintToken(org);
    const allowed = await app.http(
      `{ viewer { kind } }`,
      {},
      { token, origin: "https://portal.example.com" },
    );
    expect(allowed.body.errors).toBeUndefined();
    const old = await app.http(
      `{ viewer { kind } }`,
      {},
      { token, origin: "https://intranet.example.com" },
    );
    expect(old.body.errors?.[0]?.extensions?.reason).toBe("ORIGIN_NOT_ALLOWED");
  });

  it.each([2, 51])("rejects a minimum group size of %i", async (minGroupSize) => {
    const body = await update({ minGroupSize });
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      problems: [{ path: "input.minGroupSize", message: "must be 3–50" }],
    });
  });

  it("names each bad origin by its position, and changes nothing", async () => {
    const body = await update({
      allowedOrigins: [
        "https://ok.example.com",
        "https://intranet.example.com/path",
        "ftp://files.example.com",
        "not a url",
      ],
      name: "",
    });
    expect(body.errors?.[0]?.extensions?.problems).toEqual([
      { path: "input.name", message: "must be 1–200 characters" },
      {
        path: "input.allowedOrigins[1]",
        message: expect.stringContaining("must be an origin only"),
      },
      { path: "input.allowedOrigins[2]", message: "must be an http or https origin" },
      { path: "input.allowedOrigins[3]", message: '"not a url" is not a URL' },
    ]);
    const viewer = await app.http<{ viewer: { organization: { allowedOrigins: string[] } } }>(
      `{ viewer { organization { allowedOrigins } } }`,
      {},
      { token: org.apiKey },
    );
    expect(viewer.body.data?.viewer.organization.allowedOrigins).toEqual([
      "https://portal.example.com",
      "http://localhost:8080",
    ]);
  });

  it("needs an ADMIN key", async () => {
    const anonymous = await update({ minGroupSize: 10 }, "");
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const employee = await update({ minGroupSize: 10 }, await app.mintToken(org));
    expect(employee.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
