import { SKILL_SLUGS } from "@real-skills/shared";
import type { z } from "zod";
import type { AssessmentFile, ItemContent, OptionContent } from "./content.schema.js";

/** One thing wrong with some content: the path of the field (`items[2].options[0].label.de`). */
export interface FieldProblem {
  path: string;
  message: string;
}

type Report = (path: string, message: string) => void;

/** `["items", 2, "key"]` → `items[2].key`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : `${index === 0 ? "" : "."}${String(segment)}`,
    )
    .join("");
}

/** The issues of a failed parse, each naming the field it is about. */
export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue) =>
    // A field that does not belong is reported at the field, not at the object holding it.
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({
          path: formatPath([...issue.path, key]),
          message: "is not a recognised field here",
        }))
      : [{ path: formatPath(issue.path), message: issue.message }],
  );
}

/**
 * Rules every assessment follows, built-in or authored by an organisation: item and option keys
 * are unique, at most one REFLECTION, each LIKERT item and each option's points name a skill from
 * `allowedSkills`, and every choice item has an option that gives points.
 */
export function checkItems(
  items: readonly ItemContent[],
  allowedSkills: readonly string[],
  report: Report,
): void {
  if (items.filter((item) => item.kind === "REFLECTION").length > 1) {
    report("items", "at most one REFLECTION item");
  }
  const keys = new Set<string>();
  items.forEach((item, index) => {
    const at = `items[${index}]`;
    if (keys.has(item.key)) report(`${at}.key`, `"${item.key}" is used twice`);
    keys.add(item.key);
    if (item.kind === "LIKERT" && !allowedSkills.includes(item.skill)) {
      report(
        `${at}.skill`,
        `must be a skill this assessment measures (${allowedSkills.join(", ")})`,
      );
    }
    if (item.kind === "SITUATIONAL" || item.kind === "FORCED_CHOICE") {
      checkOptions(item.options, allowedSkills, (field, message) => {
        report(`${at}.${field}`, message);
      });
    }
  });
}

function checkOptions(
  options: readonly OptionContent[],
  allowedSkills: readonly string[],
  report: Report,
): void {
  const keys = new Set<string>();
  options.forEach((option, index) => {
    if (keys.has(option.key)) report(`options[${index}].key`, `"${option.key}" is used twice`);
    keys.add(option.key);
    for (const skill of Object.keys(option.weights)) {
      if (!allowedSkills.includes(skill)) {
        report(`options[${index}].weights.${skill}`, "is not a skill this assessment measures");
      }
    }
  });
  if (!options.some((option) => Object.values(option.weights).some((w) => w > 0))) {
    report("options", "at least one option must give points");
  }
}

/**
 * The editorial rules of the built-in library on top of {@link checkItems}: a SKILL assessment is
 * named after its skill and has 5–8 items of at least three kinds with a reverse-keyed LIKERT
 * item; the COMPOSITE check has 10–14 items and measures every skill.
 */
export function checkLibraryAssessment(data: AssessmentFile, report: Report): void {
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
  checkItems(data.items, allowed, report);
  if (data.kind === "COMPOSITE") {
    const covered = new Set(data.items.flatMap(measuredSkills));
    const missing = SKILL_SLUGS.filter((skill) => !covered.has(skill));
    if (missing.length > 0) report("items", `does not measure ${missing.join(", ")}`);
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
