import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { BANDS } from "@real-skills/shared";
import { parseDocument, type Document } from "yaml";
import { loadConfig } from "../../../config/index.js";
import { ContentError, readLibrary } from "../content.reader.js";

const contentDir = loadConfig().contentDir;
let scratch: string;

beforeEach(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "rs-content-"));
  await cp(contentDir, scratch, { recursive: true });
});

afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(scratch, file);
  await writeFile(target, change(await readFile(target, "utf8")));
}

async function editYaml(file: string, change: (document: Document) => void): Promise<void> {
  await edit(file, (text) => {
    const document = parseDocument(text);
    change(document);
    return document.toString();
  });
}

async function problemsOf(dir: string) {
  try {
    await readLibrary(dir);
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  throw new Error("expected the content to be rejected");
}

describe("the built-in library", () => {
  it("is valid: nine skills with 2+ lessons, one 5–8 item assessment each, and the composite check", async () => {
    const library = await readLibrary(contentDir);
    expect(library.skills).toHaveLength(9);
    for (const skill of library.skills) expect(skill.lessons.length).toBeGreaterThanOrEqual(2);
    const composite = library.assessments.filter((a) => a.kind === "COMPOSITE");
    expect(composite.map((a) => a.slug)).toEqual(["real-skills-check"]);
    expect(composite[0]?.items.length).toBeGreaterThanOrEqual(10);
    expect(composite[0]?.items.length).toBeLessThanOrEqual(14);
    for (const assessment of library.assessments.filter((a) => a.kind === "SKILL")) {
      expect(assessment.items.length).toBeGreaterThanOrEqual(5);
      expect(assessment.items.length).toBeLessThanOrEqual(8);
    }
  });

  it("gives every skill and band a next step of its own", async () => {
    const library = await readLibrary(contentDir);
    const nextSteps = library.skills.flatMap((skill) =>
      BANDS.map((band) => skill.feedback[band].nextStep.en),
    );
    expect(nextSteps).toHaveLength(27);
    expect(new Set(nextSteps).size).toBe(27);
  });
});

describe("broken feedback", () => {
  it("names the band that is missing", async () => {
    await editYaml("skills/excellence.yaml", (document) => {
      document.deleteIn(["feedback", "STRONG"]);
    });
    expect(await problemsOf(scratch)).toContainEqual({
      file: "skills/excellence.yaml",
      field: "feedback.STRONG",
      message: expect.stringContaining("is missing"),
    });
  });

  it("names the text that lacks a locale", async () => {
    await editYaml("skills/decision-quality.yaml", (document) => {
      document.deleteIn(["feedback", "DEVELOPING", "nextStep", "de"]);
    });
    expect(await problemsOf(scratch)).toContainEqual({
      file: "skills/decision-quality.yaml",
      field: "feedback.DEVELOPING.nextStep.de",
      message: expect.stringContaining("is missing"),
    });
  });

  it("rejects an empty text", async () => {
    await editYaml("skills/responsibility.yaml", (document) => {
      document.setIn(["feedback", "EMERGING", "summary", "en"], "   ");
    });
    expect(await problemsOf(scratch)).toContainEqual({
      file: "skills/responsibility.yaml",
      field: "feedback.EMERGING.summary.en",
      message: "must not be empty",
    });
  });

  it("rejects a skill without feedback and a band we do not score", async () => {
    await editYaml("skills/mindful-leadership.yaml", (document) => {
      document.delete("feedback");
    });
    await editYaml("skills/real-skills.yaml", (document) => {
      document.setIn(["feedback", "EXCEPTIONAL"], document.getIn(["feedback", "STRONG"]));
    });
    const problems = await problemsOf(scratch);
    expect(problems).toContainEqual({
      file: "skills/mindful-leadership.yaml",
      field: "feedback",
      message: "is required",
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ file: "skills/real-skills.yaml", field: "feedback.EXCEPTIONAL" }),
    );
  });
});

describe("broken content", () => {
  it("names the file and field of a missing translation", async () => {
    await edit("skills/excellence.yaml", (text) => text.replace(/^(\s+)de: .*$/m, "$1fr: Bonjour"));
    const problems = await problemsOf(scratch);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: "skills/excellence.yaml",
        message: expect.stringMatching(/missing|unrecognized/i),
      }),
    );
  });

  it("names the path of an unknown item kind", async () => {
    await edit("assessments/excellence.yaml", (text) =>
      text.replace("kind: SITUATIONAL", "kind: ESSAY"),
    );
    const problems = await problemsOf(scratch);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: "assessments/excellence.yaml",
        field: expect.stringMatching(/^items\[\d+\]/),
        message: expect.stringContaining("kind must be one of"),
      }),
    );
  });

  it("reports a YAML syntax error with its line", async () => {
    await writeFile(
      path.join(scratch, "skills/responsibility.yaml"),
      "slug: responsibility\nname: [unclosed\n",
    );
    const problems = await problemsOf(scratch);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: "skills/responsibility.yaml",
        field: expect.stringMatching(/^line \d+/),
      }),
    );
  });

  it("rejects a weight on a skill the assessment does not measure", async () => {
    await edit("assessments/strategic-quitting.yaml", (text) =>
      text.replace(
        /weights: \{ ?strategic-quitting: (\d) ?\}/,
        "weights: { empathy-in-design: $1 }",
      ),
    );
    const problems = await problemsOf(scratch);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: "assessments/strategic-quitting.yaml",
        field: expect.stringMatching(/options\[\d+\]\.weights\.empathy-in-design$/),
      }),
    );
  });

  it("rejects a lesson slug used twice across files", async () => {
    const first = await readLibrary(contentDir);
    const taken = first.skills[0]?.lessons[0]?.slug ?? "";
    const victim = first.skills[1]?.lessons[0]?.slug ?? "";
    await edit(`skills/${first.skills[1]?.slug}.yaml`, (text) =>
      text.replace(`slug: ${victim}`, `slug: ${taken}`),
    );
    const problems = await problemsOf(scratch);
    expect(problems).toContainEqual(
      expect.objectContaining({
        field: "lessons[0].slug",
        message: expect.stringContaining("already used"),
      }),
    );
  });

  it("rejects a slug that does not match its file name, and a missing skill", async () => {
    await edit("assessments/excellence.yaml", (text) =>
      text.replace(/^slug: .*$/m, "slug: excellence-two"),
    );
    await rm(path.join(scratch, "skills/mindful-leadership.yaml"));
    const problems = await problemsOf(scratch);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: "assessments/excellence.yaml", field: "slug" }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ file: "skills/mindful-leadership.yaml", message: "is missing" }),
    );
  });

  it("collects every problem before failing and puts them in one message", async () => {
    await edit("assessments/excellence.yaml", (text) =>
      text.replace("kind: SITUATIONAL", "kind: ESSAY"),
    );
    await edit("skills/responsibility.yaml", (text) =>
      text.replace(/^position: \d+$/m, "position: first"),
    );
    const error = await readLibrary(scratch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toContain("assessments/excellence.yaml → items[");
    expect((error as Error).message).toContain("skills/responsibility.yaml → position");
  });
});
