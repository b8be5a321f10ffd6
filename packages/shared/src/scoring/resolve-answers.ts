import { LIKERT_SCALE } from "../domain.js";
import { LIMITS } from "../limits.js";
import { err, ok, type Result } from "../result.js";
import type { Answer } from "./answer.js";
import type { ScoringError } from "./scoring-error.js";
import type {
  ChoiceScoringItem,
  LikertScoringItem,
  ScoringItem,
  ScoringOption,
} from "./scoring-item.js";

/** A valid answer joined to its item; REFLECTION answers are dropped here, as they never score. */
export type ResolvedAnswer =
  { item: LikertScoringItem; value: number } | { item: ChoiceScoringItem; option: ScoringOption };

/**
 * Answers arrive from clients, so their fields are checked as `unknown` rather than trusted to
 * match the `Answer` type: a LIKERT answer carrying an `optionId` is as wrong as a missing value.
 */
interface AnswerFields {
  value?: unknown;
  optionId?: unknown;
  text?: unknown;
}

/**
 * Checks every answer against its item and returns the scorable ones in item order. Item order,
 * not answer order, drives both the result and which error is reported first, so shuffled
 * answers give the same outcome.
 */
export function resolveAnswers(
  items: readonly ScoringItem[],
  answers: readonly Answer[],
): Result<ResolvedAnswer[], ScoringError> {
  const itemIds = new Set(items.map((item) => item.id));
  const unknown = answers
    .map((answer) => answer.itemId)
    .filter((itemId) => !itemIds.has(itemId))
    .sort(compareCodeUnits)[0];
  if (unknown !== undefined) return err({ code: "UNKNOWN_ITEM", itemId: unknown });

  const answersByItem = new Map<string, Answer[]>();
  for (const answer of answers) {
    const list = answersByItem.get(answer.itemId) ?? [];
    list.push(answer);
    answersByItem.set(answer.itemId, list);
  }

  const resolved: ResolvedAnswer[] = [];
  for (const item of items) {
    const [answer, ...extra] = answersByItem.get(item.id) ?? [];
    if (answer === undefined) continue;
    if (extra.length > 0) return err({ code: "DUPLICATE_ANSWER", itemId: item.id });
    const fields: AnswerFields = answer;
    switch (item.kind) {
      case "LIKERT": {
        if (!isOnlyField(fields, "value") || !isLikertValue(fields.value)) {
          return err({ code: "INVALID_ANSWER", itemId: item.id });
        }
        resolved.push({ item, value: fields.value });
        break;
      }
      case "SITUATIONAL":
      case "FORCED_CHOICE": {
        const option = isOnlyField(fields, "optionId")
          ? item.options.find((candidate) => candidate.id === fields.optionId)
          : undefined;
        if (option === undefined) return err({ code: "INVALID_ANSWER", itemId: item.id });
        resolved.push({ item, option });
        break;
      }
      case "REFLECTION": {
        if (
          !isOnlyField(fields, "text") ||
          typeof fields.text !== "string" ||
          fields.text.length > LIMITS.maxReflectionLength
        ) {
          return err({ code: "INVALID_ANSWER", itemId: item.id });
        }
        break;
      }
    }
  }
  return ok(resolved);
}

/** Exactly one answer field is set: an answer that fits two kinds has no single meaning. */
function isOnlyField(fields: AnswerFields, expected: keyof AnswerFields): boolean {
  const present = (["value", "optionId", "text"] as const).filter(
    (name) => fields[name] !== undefined,
  );
  return present.length === 1 && present[0] === expected;
}

function isLikertValue(value: unknown): value is number {
  return (
    typeof value === "number" &&
    Number.isInteger(value) &&
    value >= LIKERT_SCALE.min &&
    value <= LIKERT_SCALE.max
  );
}

/** Locale-independent ordering, so the reported item is the same on every server. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
