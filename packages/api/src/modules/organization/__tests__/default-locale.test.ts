import { createTestApp, type TestApp } from "../../../test-support/harness.js";

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app.close();
});

const UPDATE = `mutation($input: OrganizationSettingsInput!) {
  updateOrganizationSettings(input: $input) { defaultLocale }
}`;

describe("the organisation's default locale", () => {
  it("applies when a request names no language, after the token and Accept-Language", async () => {
    const own = await app.createOrganization({ origins: ["https://intranet.example.com"] });
    const skillName = `{ skill(slug: "excellence") { name } }`;
    const nameFor = async (token: string, headers: Record<string, string> = {}) => {
      const { body } = await app.http<{ skill: { name: string } }>(
        skillName,
        {},
        { token, headers },
      );
      return body.data?.skill.name;
    };
    const english = await nameFor(own.apiKey);

    const changed = await app.http(
      UPDATE,
      { input: { defaultLocale: "DE" } },
      { token: own.apiKey },
    );
    expect(changed.body.errors).toBeUndefined();

    const german = await nameFor(own.apiKey);
    expect(german).not.toBe(english);
    expect(await nameFor(await app.mintToken(own))).toBe(german);
    expect(await nameFor(own.apiKey, { "accept-language": "en" })).toBe(english);
    expect(await nameFor(await app.mintToken(own, { locale: "en" }))).toBe(english);
  });
});
