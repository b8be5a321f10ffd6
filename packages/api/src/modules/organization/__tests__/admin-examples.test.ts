import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { createTestApp, type TestApp } from "../../../test-support/harness.js";

// The admin examples are documentation too. They need an ADMIN key, so they live apart from the
// anonymous examples; they run in file-name order (create before publish).
const adminDir = fileURLToPath(new URL("../../../../examples/admin/", import.meta.url));
const files = (await readdir(adminDir)).filter((name) => name.endsWith(".graphql")).sort();

let app: TestApp;
let apiKey: string;

beforeAll(async () => {
  app = await createTestApp();
  apiKey = (await app.createOrganization()).apiKey;
});

afterAll(async () => {
  await app.close();
});

it("has admin examples", () => {
  expect(files.length).toBeGreaterThanOrEqual(3);
});

it.each(files)("examples/admin/%s runs with an ADMIN key", async (file) => {
  const { body } = await app.http(
    await readFile(`${adminDir}${file}`, "utf8"),
    {},
    { token: apiKey },
  );
  expect(body.errors).toBeUndefined();
  for (const value of Object.values(body.data ?? {})) expect(value).not.toBeNull();
});
