import { ERROR_CODES } from "@real-skills/shared";
import type { GraphQLError } from "graphql";
import { apiError } from "./errors.js";

/** One bad field of an input: its path from the argument (`input.items[2].kind`) and what. */
export interface InputProblem {
  path: string;
  message: string;
}

/**
 * A BAD_USER_INPUT error that lists every bad field at once in `extensions.problems`, so that a
 * form can mark them all. `extensions.field` names the first, like single-field errors do.
 */
export function invalidInput(problems: readonly InputProblem[]): GraphQLError {
  const [first] = problems;
  const summary = problems
    .slice(0, 3)
    .map((problem) => `${problem.path}: ${problem.message}`)
    .join("; ");
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : "";
  return apiError(ERROR_CODES.BAD_USER_INPUT, `${summary}${more}`, {
    field: first?.path,
    problems,
  });
}

/** Prefixes problem paths relative to an argument with the argument: `items[0]` → `input.items[0]`. */
export function underArgument(argument: string, problems: readonly InputProblem[]): InputProblem[] {
  return problems.map(({ path, message }) => ({
    path:
      path === "" ? argument : path.startsWith("[") ? `${argument}${path}` : `${argument}.${path}`,
    message,
  }));
}
