import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { SKILL_SLUGS } from "@real-skills/shared";
import { parseDocument } from "yaml";
import type { z } from "zod";
import {
  assessmentFileSchema,
  skillFileSchema,
  type AssessmentFile,
  type ItemContent,
  type SkillFile,
} from "./content.schema.js";

/** One thing wrong with the content: which file, which field, what. */
export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

export class ContentError extends Error {
  override name = "ContentError";

  constructor(readonly problems: ContentProblem[]) {
    super(
      `The content is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        problems
          .map((p) => `  ${p.file}${p.field ? ` → ${p.field}` : ""}: ${p.message}`)
          .join("\n"),
    );
  }
}

export interface Library {
  skills: SkillFile[];
  assessments: AssessmentFile[];
}

/**
 * Reads and validates every file of the library under `contentDir` (`skills/*.yaml`,
 * `assessments/*.yaml`). Collects all problems before failing, so an author fixes them in one go.
 */
export async function readLibrary(contentDir: string): Promise<Library> {
  const problems: ContentProblem[] = [];
  const skills = await readFolder(contentDir, "skills", skillFileSchema, problems);
  const assessments = await readFolder(contentDir, "assessments", assessmentFileSchema, problems);
  checkSkills(skills, problems);
  for (const { file, data } of assessments) checkAssessment(file, data, problems);
  checkCompleteness(skills, assessments, problems);
  if (problems.length > 0) throw new ContentError(problems);
  return { skills: skills.map((s) => s.data), assessments: assessments.map((a) => a.data) };
}

interface Parsed<T> {
  file: string;
  data: T;
}

async function readFolder<T>(
  contentDir: string,
  folder: string,
  schema: z.ZodType<T>,
  problems: ContentProblem[],
): Promise<Parsed<T>[]> {
  let names: string[];
  try {
    names = (await readdir(path.join(contentDir, folder))).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    problems.push({ file: `${folder}/`, field: "", message: `folder not found in ${contentDir}` });
    return [];
  }
  const parsed: Parsed<T>[] = [];
  for (const name of names) {
    const file = `${folder}/${name}`;
    const document = parseDocument(await readFile(path.join(contentDir, file), "utf8"));
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        const line = error.linePos?.[0].line;
        problems.push({
          file,
          field: line === undefined ? "" : `line ${line}`,
          message: error.message.split("\n")[0] ?? "",
        });
      }
      continue;
    }
    const result = schema.safeParse(document.toJS());
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ file, field: formatPath(issue.path), message: issue.message });
      }
      continue;
    }
    const slug = (result.data as { slug: string }).slug;
    if (name.replace(/\.ya?ml$/, "") !== slug) {
      problems.push({ file, field: "slug", message: `must match the file name (found "${slug}")` });
    }
    parsed.push({ file, data: result.data });
  }
  return parsed;
}

function formatPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : `${index === 0 ? "" : "."}${String(segment)}`,
    )
    .join("");
}

function checkSkills(skills: Parsed<SkillFile>[], problems: ContentProblem[]): void {
  const lessonFiles = new Map<string, string>();
  for (const { file, data } of skills) {
    data.lessons.forEach((lesson, index) => {
      const first = lessonFiles.get(lesson.slug);
      if (first) {
        problems.push({
          file,
          field: `lessons[${index}].slug`,
          message: `"${lesson.slug}" is already used in ${first}`,
        });
      }
      lessonFiles.set(lesson.slug, file);
    });
  }
}

function checkAssessment(file: string, data: AssessmentFile, problems: ContentProblem[]): void {
  const report = (field: string, message: string) => problems.push({ file, field, message });
  const allowed: readonly string[] = data.kind === "SKILL" ? [data.slug] : SKILL_SLUGS;

  if (data.kind === "SKILL") {
    if (!(SKILL_SLUGS as readonly string[]).includes(data.slug)) {
      report("slug", "a SKILL assessment is named after its skill");
    }
    if (data.items.length > 8) report("items", "a SKILL assessment has 5–8 items");
    if (new Set(data.items.map((item) => item.kind)).size < 3) {
      report("items", "a SKILL assessment mixes at least three item kinds");
    }
    if (!data.items.some((item) => item.kind === "LIKERT" && item.reverseKeyed)) {
      report("items", "a SKILL assessment needs at least one reverse-keyed LIKERT item");
    }
  } else if (data.items.length < 10) {
    report("items", "a COMPOSITE assessment has 10–14 items");
  }
  if (data.items.filter((item) => item.kind === "REFLECTION").length > 1) {
    report("items", "at most one REFLECTION item");
  }

  const keys = new Set<string>();
  data.items.forEach((item, index) => {
    const at = `items[${index}]`;
    if (keys.has(item.key)) report(`${at}.key`, `"${item.key}" is used twice`);
    keys.add(item.key);
    if (item.kind === "LIKERT" && !allowed.includes(item.skill)) {
      report(`${at}.skill`, `must be a skill this assessment measures (${allowed.join(", ")})`);
    }
    if (item.kind === "SITUATIONAL" || item.kind === "FORCED_CHOICE") {
      checkOptions(item.options, allowed, (field, message) => {
        report(`${at}.${field}`, message);
      });
    }
  });

  if (data.kind === "COMPOSITE") {
    const covered = new Set(data.items.flatMap(measuredSkills));
    const missing = SKILL_SLUGS.filter((skill) => !covered.has(skill));
    if (missing.length > 0) report("items", `does not measure ${missing.join(", ")}`);
  }
}

type OptionContent = Extract<ItemContent, { options: unknown }>["options"][number];

function checkOptions(
  options: OptionContent[],
  allowed: readonly string[],
  report: (field: string, message: string) => void,
): void {
  const keys = new Set<string>();
  options.forEach((option, index) => {
    if (keys.has(option.key)) report(`options[${index}].key`, `"${option.key}" is used twice`);
    keys.add(option.key);
    for (const skill of Object.keys(option.weights)) {
      if (!allowed.includes(skill)) {
        report(`options[${index}].weights.${skill}`, "is not a skill this assessment measures");
      }
    }
  });
  if (!options.some((option) => Object.values(option.weights).some((w) => w > 0))) {
    report("options", "at least one option must give points");
  }
}

/** The skills an item contributes to: its LIKERT skill, or every skill an option weights. */
export function measuredSkills(item: ItemContent): string[] {
  switch (item.kind) {
    case "LIKERT":
      return [item.skill];
    case "SITUATIONAL":
    case "FORCED_CHOICE":
      return [...new Set(item.options.flatMap((option) => Object.keys(option.weights)))];
    case "REFLECTION":
      return [];
  }
}

function checkCompleteness(
  skills: Parsed<SkillFile>[],
  assessments: Parsed<AssessmentFile>[],
  problems: ContentProblem[],
): void {
  const present = new Set(skills.map((s) => s.data.slug));
  for (const slug of SKILL_SLUGS) {
    if (!present.has(slug)) {
      problems.push({ file: `skills/${slug}.yaml`, field: "", message: "is missing" });
    }
  }
  const measured = new Set(
    assessments.filter((a) => a.data.kind === "SKILL").map((a) => a.data.slug),
  );
  for (const slug of present) {
    if (!measured.has(slug)) {
      problems.push({
        file: `assessments/${slug}.yaml`,
        field: "",
        message: `is missing: every skill has one SKILL assessment`,
      });
    }
  }
}
