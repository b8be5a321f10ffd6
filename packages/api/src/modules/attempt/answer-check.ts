import {
  LIKERT_SCALE,
  LIMITS,
  resolveAnswers,
  type Answer,
  type ScoringItem,
} from "@real-skills/shared";
import { badInput } from "../../common/errors.js";
import { isUuid } from "../../common/uuid.js";

/** The answer fields of a `saveAnswer` input, as sent. */
export interface AnswerFields {
  optionId?: string | null;
  value?: number | null;
  text?: string | null;
}

/** A checked answer as stored: exactly one column set. */
export interface StoredAnswer {
  optionId: string | null;
  value: number | null;
  text: string | null;
}

/**
 * Checks one answer against its item with the shared scoring rules, so that whatever is saved
 * will score. Returns `null` for an empty REFLECTION text, which removes the answer. Errors name
 * the field the item's kind takes, and say what fits.
 */
export function checkAnswer(item: ScoringItem, fields: AnswerFields): StoredAnswer | null {
  const optionId = fields.optionId ?? undefined;
  const value = fields.value ?? undefined;
  const text = fields.text ?? undefined;
  if (item.kind === "REFLECTION" && text === "" && optionId === undefined && value === undefined) {
    return null;
  }
  if (optionId !== undefined && !isUuid(optionId)) {
    throw badInput("input.optionId", "is not an option id");
  }
  // The shared rules read the answer's fields as unknown and reject any mix of them, so the
  // input can go in as sent instead of being narrowed to one answer shape first.
  const answer = { itemId: item.id, optionId, value, text } as Answer;
  const resolved = resolveAnswers([item], [answer]);
  if (!resolved.ok) throw badInput(...expectation(item));
  return { optionId: optionId ?? null, value: value ?? null, text: text ?? null };
}

function expectation(item: ScoringItem): [field: string, message: string] {
  switch (item.kind) {
    case "LIKERT":
      return [
        "input.value",
        `a LIKERT item takes \`value\`, a whole number ${LIKERT_SCALE.min}–${LIKERT_SCALE.max}, and no other answer field`,
      ];
    case "SITUATIONAL":
    case "FORCED_CHOICE":
      return [
        "input.optionId",
        `a ${item.kind} item takes \`optionId\`, one of its own options, and no other answer field`,
      ];
    case "REFLECTION":
      return [
        "input.text",
        `a REFLECTION item takes \`text\`, at most ${LIMITS.maxReflectionLength} characters, and no other answer field`,
      ];
  }
}
