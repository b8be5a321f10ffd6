import { invalidInput, underArgument } from "../../common/problems.js";
import { slugSchema, validateAuthoredAssessment, type VersionContent } from "../content/index.js";
import type { AssessmentInput } from "./assessment-authoring.inputs.js";

/**
 * Checks an `AssessmentInput` with the library's own rules (`modules/content`) and returns its
 * slug and version content. Throws BAD_USER_INPUT listing every bad field as `input.<path>`.
 */
export function parseAssessmentInput(input: AssessmentInput): {
  slug: string;
  content: VersionContent;
} {
  const { slug, ...content } = withoutNulls(input) as { slug?: unknown };
  const slugResult = slugSchema.safeParse(slug);
  const result = validateAuthoredAssessment(content);
  if (slugResult.success && result.ok) return { slug: slugResult.data, content: result.value };
  throw invalidInput([
    ...(slugResult.error?.issues ?? []).map((issue) => ({
      path: "input.slug",
      message: issue.message,
    })),
    ...(result.ok ? [] : underArgument("input", result.error)),
  ]);
}

/**
 * A plain copy of a GraphQL input without its null fields. GraphQL sends `null` for a field the
 * client left empty; the content rules treat a field as either present or absent.
 */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, field]) => field !== null && field !== undefined)
        .map(([key, field]) => [key, withoutNulls(field)]),
    );
  }
  return value;
}
