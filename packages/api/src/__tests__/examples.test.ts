import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { createTestApp, type TestApp } from "../test-support/harness.js";

// The example operations in `examples/` are documentation: each must run without errors.
const examplesDir = fileURLToPath(new URL("../../examples/", import.meta.url));
const files = (await readdir(examplesDir)).filter((name) => name.endsWith(".graphql"));

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app.close();
});

it("has examples", () => {
  expect(files.length).toBeGreaterThanOrEqual(4);
});

it.each(files)("examples/%s runs and returns data", async (file) => {
  const result = await app.execute(await readFile(`${examplesDir}${file}`, "utf8"));
  expect(result.errors).toBeUndefined();
  const values = Object.values(result.data ?? {});
  expect(values.length).toBeGreaterThan(0);
  for (const value of values) expect(value).not.toBeNull();
});
