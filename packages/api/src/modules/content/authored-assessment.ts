import { err, ok, SKILL_SLUGS, type Result } from "@real-skills/shared";
import { checkItems, measuredSkills, zodProblems, type FieldProblem } from "./content.rules.js";
import {
  authoredAssessmentSchema,
  type AuthoredItem,
  type ItemContent,
  type VersionContent,
} from "./content.schema.js";

/**
 * Validates an assessment version that an organisation authors through the admin API, with the
 * same structural rules and cross-checks as the library files, and returns it in the shape the
 * version writer takes. Every problem is collected, each with the path of its field.
 *
 * Organisations may measure any built-in skill in any mix; the library's editorial rules (a SKILL
 * assessment named after its skill, the composite covering all nine) do not apply to them.
 */
export function validateAuthoredAssessment(value: unknown): Result<VersionContent, FieldProblem[]> {
  const parsed = authoredAssessmentSchema.safeParse(value);
  if (!parsed.success) return err(zodProblems(parsed.error));
  const content: VersionContent = { ...parsed.data, items: parsed.data.items.map(toItemContent) };
  const problems: FieldProblem[] = [];
  checkItems(content.items, SKILL_SLUGS, (path, message) => problems.push({ path, message }));
  if (content.items.flatMap(measuredSkills).length === 0) {
    problems.push({ path: "items", message: "must measure at least one skill" });
  }
  return problems.length > 0 ? err(problems) : ok(content);
}

function toItemContent(item: AuthoredItem): ItemContent {
  switch (item.kind) {
    case "LIKERT": {
      const { reverseScored, ...rest } = item;
      return { ...rest, reverseKeyed: reverseScored };
    }
    case "SITUATIONAL":
    case "FORCED_CHOICE":
      return {
        ...item,
        options: item.options.map(({ skillPoints, ...option }) => ({
          ...option,
          weights: Object.fromEntries(skillPoints.map((entry) => [entry.skill, entry.points])),
        })),
      };
    case "REFLECTION":
      return item;
  }
}
