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

  it("an employee's history with results, lessons, answers and items costs the same for 1 or 5 attempts", async () => {
    const origin = "https://intranet.example";
    const organization = await app.createOrganization({ origins: [origin] });
    const token = await app.mintToken(organization, { sub: "counted-employee" });
    const call = async <T>(query: string, variables: Record<string, unknown> = {}) => {
      const { body } = await app.http<T>(query, variables, { token, origin });
      expect(body.errors).toBeUndefined();
      if (!body.data) throw new Error("no data");
      return body.data;
    };
    for (let round = 0; round < 5; round += 1) {
      const { startAttempt } = await call<{
        startAttempt: {
          id: string;
          assessment: { items: { id: string; kind: string; options: { id: string }[] }[] };
        };
      }>(`mutation { startAttempt(input: { assessmentSlug: "decision-quality" }) {
            id assessment { items { id kind options { id } } } } }`);
      for (const item of startAttempt.assessment.items) {
        const answer =
          item.kind === "LIKERT"
            ? { value: 1 + round }
            : item.kind === "REFLECTION"
              ? { text: `note ${round}` }
              : { optionId: item.options[round % item.options.length]?.id };
        await call(`mutation($input: SaveAnswerInput!) { saveAnswer(input: $input) { id } }`, {
          input: { attemptId: startAttempt.id, itemId: item.id, ...answer },
        });
      }
      await call(
        `mutation($id: ID!) { submitAttempt(input: { attemptId: $id, idempotencyKey: "k" }) { submittedAt } }`,
        { id: startAttempt.id },
      );
    }

    const history = `query($first: Int) {
      myAttempts(first: $first) { nodes {
        assessment { title items { prompt options { label } } }
        answers { value text item { kind prompt } }
        result { scores { score band feedback nextStep skill { name } }
                 recommendedLessons { title skill { slug } } }
      } }
    }`;
    const count = async (first: number) => {
      app.resetQueries();
      await call(history, { first });
      return app.queries.length;
    };
    const one = await count(1);
    const five = await count(5);
    expect(five).toBe(one);
  });
});
