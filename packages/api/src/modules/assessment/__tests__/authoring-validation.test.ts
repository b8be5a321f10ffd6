import type { CreatedOrganization } from "../../organization/organization.service.js";
import { createTestApp, type TestApp } from "../../../test-support/harness.js";
import { CREATE, validAssessmentInput, type AssessmentInputFixture } from "./authoring.fixtures.js";

let app: TestApp;
let org: CreatedOrganization;

beforeAll(async () => {
  // Validation runs before anything is read, so the library is not needed.
  app = await createTestApp({ importContent: false });
  org = await app.createOrganization();
});

afterAll(async () => {
  await app.close();
});

/** Creates a broken variant of the valid input and returns the problems the API reports. */
async function problemsOf(
  breakIt: (input: AssessmentInputFixture & Record<string, unknown>) => void,
) {
  const input = structuredClone(validAssessmentInput("broken")) as AssessmentInputFixture &
    Record<string, unknown>;
  breakIt(input);
  const { body } = await app.http(CREATE, { input }, { token: org.apiKey });
  expect(body.data).toBeNull();
  expect(body.errors).toHaveLength(1);
  expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  return body.errors?.[0]?.extensions?.problems;
}

type Item = AssessmentInputFixture["items"][number] & Record<string, unknown>;

const item = (input: AssessmentInputFixture, index: number): Item => {
  const found = input.items[index];
  if (!found) throw new Error(`fixture has no item ${index}`);
  return found;
};

describe("createAssessment names the path of every bad field", () => {
  it("an empty German text", async () => {
    expect(
      await problemsOf((input) => {
        const option = item(input, 2).options?.[0];
        if (option) option.label.de = "   ";
      }),
    ).toEqual([{ path: "input.items[2].options[0].label.de", message: "must not be empty" }]);
  });

  it("a SITUATIONAL item with two options", async () => {
    expect(
      await problemsOf((input) => {
        item(input, 2).options?.splice(2);
      }),
    ).toEqual([{ path: "input.items[2].options", message: "needs 3 or 4 options" }]);
  });

  it("points for a skill that does not exist", async () => {
    expect(
      await problemsOf((input) => {
        const option = item(input, 2).options?.[0];
        if (option) option.skillPoints = [{ skill: "negotiation", points: 2 }];
      }),
    ).toEqual([
      {
        path: "input.items[2].options[0].skillPoints[0].skill",
        message: expect.stringContaining("must be one of responsibility,"),
      },
    ]);
  });

  it("the same skill twice in one option, and points out of range", async () => {
    expect(
      await problemsOf((input) => {
        const option = item(input, 2).options?.[0];
        if (option) {
          option.skillPoints = [
            { skill: "responsibility", points: 1 },
            { skill: "responsibility", points: 7 },
          ];
        }
      }),
    ).toEqual([
      { path: "input.items[2].options[0].skillPoints[1].points", message: expect.any(String) },
      {
        path: "input.items[2].options[0].skillPoints[1].skill",
        message: '"responsibility" is listed twice',
      },
    ]);
  });

  it("an item key used twice", async () => {
    expect(
      await problemsOf((input) => {
        item(input, 1).key = "separate-outcome";
      }),
    ).toEqual([{ path: "input.items[1].key", message: '"separate-outcome" is used twice' }]);
  });

  it("a LIKERT item without its skill", async () => {
    expect(
      await problemsOf((input) => {
        delete item(input, 0).skill;
      }),
    ).toEqual([{ path: "input.items[0].skill", message: "is required" }]);
  });

  it("a field that does not belong to the item's kind", async () => {
    expect(
      await problemsOf((input) => {
        item(input, 3).reverseScored = true;
      }),
    ).toEqual([
      { path: "input.items[3].reverseScored", message: "is not a recognised field here" },
    ]);
  });

  it("a choice item where no option gives points", async () => {
    expect(
      await problemsOf((input) => {
        const options = item(input, 3).options ?? [];
        for (const option of options) option.skillPoints = [];
      }),
    ).toEqual([
      { path: "input.items[3].options", message: "at least one option must give points" },
    ]);
  });

  it("several problems at once, slug included", async () => {
    const problems = await problemsOf((input) => {
      input.slug = "Not a slug";
      input.title.de = "";
      input.estimatedMinutes = 9;
      input.items.splice(1);
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: "input.slug", message: "must be lower-case words joined by single hyphens" },
        { path: "input.title.de", message: "must not be empty" },
        { path: "input.estimatedMinutes", message: expect.any(String) },
        { path: "input.items", message: expect.any(String) },
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it("a text missing a language entirely is refused by GraphQL itself", async () => {
    const input = validAssessmentInput("broken") as { title: Partial<Record<"en" | "de", string>> };
    delete input.title.de;
    const { body } = await app.http(CREATE, { input }, { token: org.apiKey });
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0]?.message).toMatch(/"de"/);
  });
});
