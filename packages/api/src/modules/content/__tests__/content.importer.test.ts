import type { BandFeedback } from "@real-skills/shared";
import { loadConfig } from "../../../config/index.js";
import { createTestApp, type TestApp } from "../../../test-support/harness.js";
import { importLibrary } from "../content.importer.js";
import { readLibrary, type Library } from "../content.reader.js";

let app: TestApp;
let library: Library;

beforeAll(async () => {
  app = await createTestApp({ importContent: false });
  library = await readLibrary(loadConfig().contentDir);
});

afterAll(async () => {
  await app.close();
});

const snapshot = () =>
  app.database.dataSource.query<{ slug: string; updated_at: Date; versions: number }[]>(
    `SELECT a.slug, a.updated_at, (SELECT count(*)::int FROM assessment_version v WHERE v.assessment_id = a.id) AS versions
       FROM assessment a ORDER BY a.slug`,
  );

const storedFeedback = () =>
  app.database.dataSource.query<{ slug: string; feedback: BandFeedback }[]>(
    `SELECT slug, feedback FROM skill ORDER BY position`,
  );

describe("importLibrary", () => {
  it("creates everything on the first run and changes nothing on the second", async () => {
    const first = await importLibrary(app.database.dataSource, library);
    expect(first.skills.created).toBe(9);
    expect(first.assessments.created).toBe(10);
    const lessonCount = library.skills.reduce((n, s) => n + s.lessons.length, 0);
    expect(first.lessons.created).toBe(lessonCount);

    const before = await snapshot();
    const second = await importLibrary(app.database.dataSource, library);
    expect(second).toEqual({
      skills: { created: 0, updated: 0, unchanged: 9 },
      lessons: { created: 0, updated: 0, unchanged: lessonCount, removed: 0 },
      assessments: { created: 0, newVersions: 0, unchanged: 10 },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("stores each skill's per-band feedback as written in the files", async () => {
    const rows = await storedFeedback();
    expect(rows).toHaveLength(9);
    for (const skill of library.skills) {
      expect(rows.find((row) => row.slug === skill.slug)?.feedback).toEqual(skill.feedback);
    }
  });

  it("updates a skill whose feedback text changed, and only that skill", async () => {
    const changed: Library = structuredClone(library);
    const skill = changed.skills.find((s) => s.slug === "strategic-quitting");
    if (!skill) throw new Error("fixture: strategic-quitting exists");
    skill.feedback.DEVELOPING.nextStep.de =
      "Leg für ein zähes Vorhaben ein Datum fest, an dem du ehrlich Bilanz ziehst.";

    const report = await importLibrary(app.database.dataSource, changed);
    expect(report.skills).toEqual({ created: 0, updated: 1, unchanged: 8 });
    const stored = (await storedFeedback()).find((row) => row.slug === "strategic-quitting");
    expect(stored?.feedback).toEqual(skill.feedback);

    const restored = await importLibrary(app.database.dataSource, library);
    expect(restored.skills).toEqual({ created: 0, updated: 1, unchanged: 8 });
  });

  it("turns a changed assessment into a new published version and keeps the old one intact", async () => {
    const [oldVersion] = await app.database.dataSource.query<{ id: string; prompts: string[] }[]>(
      `SELECT v.id, array_agg(i.prompt->>'en' ORDER BY i.position) AS prompts
         FROM assessment a JOIN assessment_version v ON v.id = a.current_version_id
         JOIN item i ON i.version_id = v.id WHERE a.slug = 'excellence' GROUP BY v.id`,
    );
    const changed: Library = structuredClone(library);
    const excellence = changed.assessments.find((a) => a.slug === "excellence");
    if (!excellence?.items[0]) throw new Error("fixture: excellence has items");
    excellence.items[0].prompt.en = "I check my own work as if a customer were reading it.";

    const report = await importLibrary(app.database.dataSource, changed);
    expect(report.assessments).toEqual({ created: 0, newVersions: 1, unchanged: 9 });

    const { data } = await app.execute<{
      assessment: { version: number; items: { prompt: string }[] };
    }>(`{ assessment(slug: "excellence") { version items { prompt } } }`);
    expect(data?.assessment.version).toBe(2);
    expect(data?.assessment.items[0]?.prompt).toBe(
      "I check my own work as if a customer were reading it.",
    );

    const [kept] = await app.database.dataSource.query<{ prompts: string[] }[]>(
      `SELECT array_agg(i.prompt->>'en' ORDER BY i.position) AS prompts FROM item i WHERE i.version_id = $1`,
      [oldVersion?.id],
    );
    expect(kept?.prompts).toEqual(oldVersion?.prompts);
  });

  it("refuses to change a published version in the database itself", async () => {
    const update = app.database.dataSource.query(
      `UPDATE item SET prompt = '{"en":"x","de":"x"}' WHERE version_id IN
         (SELECT current_version_id FROM assessment WHERE slug = 'empathy-in-design')`,
    );
    await expect(update).rejects.toThrow(/published and cannot change/);
  });

  it("moving a lesson out of the files removes it from the library", async () => {
    const trimmed: Library = structuredClone(library);
    const skill = trimmed.skills.find((s) => s.lessons.length > 2) ?? trimmed.skills[0];
    const removed = skill?.lessons.pop();
    const report = await importLibrary(app.database.dataSource, trimmed);
    expect(report.lessons.removed).toBe(1);
    const { data } = await app.execute(`query($slug: String!) { lesson(slug: $slug) { slug } }`, {
      slug: removed?.slug,
    });
    expect(data).toEqual({ lesson: null });
  });
});
