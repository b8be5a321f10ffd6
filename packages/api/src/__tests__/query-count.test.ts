import { createTestApp, type TestApp } from "../test-support/harness.js";

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app.close();
});

/** Runs an operation and returns how many SQL statements it cost. */
async function statementsFor(query: string, variables: Record<string, unknown>): Promise<number> {
  app.resetQueries();
  const { errors } = await app.execute(query, variables);
  expect(errors).toBeUndefined();
  return app.queries.length;
}

describe("SQL statements per operation (no N+1)", () => {
  it("listing assessments with skills, items, options and item skills costs the same for 1 or 10", async () => {
    const query = `query($first: Int) {
      assessments(first: $first) {
        nodes { slug title skills { slug name } items { kind prompt skill { slug } options { label } } }
      }
    }`;
    const one = await statementsFor(query, { first: 1 });
    const ten = await statementsFor(query, { first: 10 });
    expect(ten).toBe(one);
    // page + total, skills of versions, items, options, skills of LIKERT items
    expect(ten).toBeLessThanOrEqual(6);
  });

  it("listing skills with their lessons costs the same for 1 or 9", async () => {
    const query = `query($first: Int) { skills(first: $first) { nodes { name lessons { title skill { slug } } } } }`;
    const one = await statementsFor(query, { first: 1 });
    const nine = await statementsFor(query, { first: 9 });
    expect(nine).toBe(one);
    expect(nine).toBeLessThanOrEqual(4);
  });
});
