import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { SKILL_SLUGS } from "@real-skills/shared";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { checkLibraryAssessment, zodProblems } from "./content.rules.js";
import {
  assessmentFileSchema,
  skillFileSchema,
  type AssessmentFile,
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
  for (const { file, data } of assessments) {
    checkLibraryAssessment(data, (field, message) => problems.push({ file, field, message }));
  }
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
      for (const { path: field, message } of zodProblems(result.error)) {
        problems.push({ file, field, message });
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
