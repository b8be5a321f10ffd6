import { LIMITS } from "@real-skills/shared";
import { invalidInput, type InputProblem } from "../../common/problems.js";
import type { OrganizationSettingsInput } from "./organization.inputs.js";
import {
  normalizeOrigin,
  OrganizationInputError,
  type SettingsPatch,
} from "./organization.service.js";

export const MIN_GROUP_SIZE = { min: 3, max: 50 } as const;
const MAX_ORIGINS = 50;

/** Checks a settings update; throws BAD_USER_INPUT naming every bad field (`input.<field>`). */
export function parseSettingsInput(input: OrganizationSettingsInput): SettingsPatch {
  const problems: InputProblem[] = [];
  const patch: SettingsPatch = {};
  if (input.name !== null && input.name !== undefined) {
    patch.name = input.name.trim();
    if (patch.name.length === 0 || patch.name.length > 200) {
      problems.push({ path: "input.name", message: "must be 1–200 characters" });
    }
  }
  if (input.allowedOrigins !== null && input.allowedOrigins !== undefined) {
    if (input.allowedOrigins.length > MAX_ORIGINS) {
      problems.push({ path: "input.allowedOrigins", message: `at most ${MAX_ORIGINS} origins` });
    }
    const origins: string[] = [];
    input.allowedOrigins.forEach((origin, index) => {
      try {
        origins.push(normalizeOrigin(origin, `input.allowedOrigins[${index}]`));
      } catch (error) {
        if (!(error instanceof OrganizationInputError)) throw error;
        problems.push({ path: error.field, message: error.reason });
      }
    });
    patch.allowedOrigins = [...new Set(origins)];
  }
  if (input.minGroupSize !== null && input.minGroupSize !== undefined) {
    patch.minGroupSize = input.minGroupSize;
    if (input.minGroupSize < MIN_GROUP_SIZE.min || input.minGroupSize > MIN_GROUP_SIZE.max) {
      problems.push({
        path: "input.minGroupSize",
        message: `must be ${MIN_GROUP_SIZE.min}–${MIN_GROUP_SIZE.max}`,
      });
    }
  }
  if (input.retakeCooldownDays !== null && input.retakeCooldownDays !== undefined) {
    patch.retakeCooldownDays = input.retakeCooldownDays;
    if (input.retakeCooldownDays < 0 || input.retakeCooldownDays > LIMITS.maxRetakeCooldownDays) {
      problems.push({
        path: "input.retakeCooldownDays",
        message: `must be 0–${LIMITS.maxRetakeCooldownDays}`,
      });
    }
  }
  if (input.defaultLocale !== null && input.defaultLocale !== undefined) {
    patch.defaultLocale = input.defaultLocale;
  }
  if (problems.length > 0) throw invalidInput(problems);
  return patch;
}
