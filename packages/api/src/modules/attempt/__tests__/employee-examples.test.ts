import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { createTestApp, type TestApp } from "../../../test-support/harness.js";

// The employee examples are documentation: they run in order with an embed token, each fed the
// ids the one before returned, as a client would.
const dir = fileURLToPath(new URL("../../../../examples/employee/", import.meta.url));
const example = (name: string) => readFile(`${dir}${name}`, "utf8");
const ORIGIN = "https://intranet.example";

interface StartedItem {
  id: string;
  kind: string;
  options: { id: string }[];
}

let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await createTestApp();
  const organization = await app.createOrganization({ origins: [ORIGIN] });
  token = await app.mintToken(organization, { sub: "example-employee" });
});

afterAll(async () => {
  await app.close();
});

it("runs the employee examples from start to history", async () => {
  const call = async <T>(file: string, variables: Record<string, unknown> = {}) => {
    const { body } = await app.http<T>(await example(file), variables, { token, origin: ORIGIN });
    expect(body.errors).toBeUndefined();
    if (!body.data) throw new Error(`${file} returned no data`);
    return body.data;
  };

  const { startAttempt } = await call<{
    startAttempt: { id: string; assessment: { items: StartedItem[] } };
  }>("1-start-attempt.graphql");
  for (const item of startAttempt.assessment.items) {
    const answer =
      item.kind === "LIKERT"
        ? { value: 4 }
        : item.kind === "REFLECTION"
          ? { text: "I will ask what we knew at the time." }
          : { optionId: item.options[0]?.id };
    await call("2-save-answer.graphql", {
      attemptId: startAttempt.id,
      itemId: item.id,
      sequence: 1,
      ...answer,
    });
  }
  const { submitAttempt } = await call<{ submitAttempt: { scores: unknown[] } }>(
    "3-submit-attempt.graphql",
    { attemptId: startAttempt.id, idempotencyKey: "example-key" },
  );
  expect(submitAttempt.scores).toHaveLength(1);
  const { myAttempts } = await call<{ myAttempts: { totalCount: number } }>(
    "4-my-attempts.graphql",
  );
  expect(myAttempts.totalCount).toBe(1);
});
