import { isSlug, LIMITS } from "@real-skills/shared";
import { badInput } from "./errors.js";

/** Rejects a malformed slug argument before it reaches the database. */
export function requireSlug(value: string, field = "slug"): string {
  if (!isSlug(value)) {
    throw badInput(
      field,
      `must be lower-case words joined by hyphens, at most ${LIMITS.maxSlugLength} characters`,
    );
  }
  return value;
}
