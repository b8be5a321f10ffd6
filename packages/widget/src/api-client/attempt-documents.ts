import type { Band, ItemKind } from "@real-skills/shared";
import type { ApiLocale, LessonContent } from "./documents.js";
import type { TypedDocument } from "./graphql-request.js";

export interface AttemptItem {
  id: string;
  kind: ItemKind;
  prompt: string;
  required: boolean;
  options: { id: string; label: string }[];
}

export interface AttemptAssessment {
  slug: string;
  title: string;
  description: string;
  estimatedMinutes: number;
  items: AttemptItem[];
}

/** One answer as the API stores it: exactly one of `optionId`, `value`, `text` is set. */
export interface SavedAnswer {
  itemId: string;
  optionId: string | null;
  value: number | null;
  text: string | null;
  sequence: number;
}

export interface SkillScoreData {
  skill: { slug: string; name: string };
  score: number;
  band: Band;
  feedback: string;
  nextStep: string;
}

export interface AttemptResultData {
  submittedAt: string;
  scores: SkillScoreData[];
  recommendedLessons: LessonContent[];
}

export interface AttemptData {
  id: string;
  status: "IN_PROGRESS" | "SUBMITTED";
  assessment: AttemptAssessment;
  answers: SavedAnswer[];
  result: AttemptResultData | null;
}

/** One submitted attempt as `<rs-history>` charts it. */
export interface HistoryAttempt {
  id: string;
  submittedAt: string;
  assessment: { slug: string; title: string };
  result: { scores: { skill: { slug: string; name: string }; score: number; band: Band }[] } | null;
}

export interface SaveAnswerInput {
  attemptId: string;
  itemId: string;
  optionId?: string;
  value?: number;
  text?: string;
  sequence: number;
}

// Recommended lessons come whole, so a result opens them without another request, offline too.
const RESULT_FIELDS = `submittedAt
    scores { skill { slug name } score band feedback nextStep }
    recommendedLessons {
      slug title minutes keyIdea whyItMatters practice reflectionQuestion skill { slug name }
    }`;

const ATTEMPT_FIELDS = `id status
    assessment {
      slug title description estimatedMinutes
      items { id kind prompt required options { id label } }
    }
    answers { itemId optionId value text sequence }
    result { ${RESULT_FIELDS} }`;

export const START_ATTEMPT: TypedDocument<
  { startAttempt: AttemptData },
  { slug: string; locale: ApiLocale }
> = {
  operationName: "WidgetStartAttempt",
  query: `mutation WidgetStartAttempt($slug: String!, $locale: Locale) {
  startAttempt(input: { assessmentSlug: $slug }, locale: $locale) { ${ATTEMPT_FIELDS} }
}`,
};

export const ATTEMPT_QUERY: TypedDocument<
  { attempt: AttemptData | null },
  { id: string; locale: ApiLocale }
> = {
  operationName: "WidgetAttempt",
  query: `query WidgetAttempt($id: ID!, $locale: Locale) {
  attempt(id: $id, locale: $locale) { ${ATTEMPT_FIELDS} }
}`,
};

export const SAVE_ANSWER: TypedDocument<
  { saveAnswer: { id: string } },
  { input: SaveAnswerInput }
> = {
  operationName: "WidgetSaveAnswer",
  query: `mutation WidgetSaveAnswer($input: SaveAnswerInput!) {
  saveAnswer(input: $input) { id }
}`,
};

export const SUBMIT_ATTEMPT: TypedDocument<
  { submitAttempt: AttemptResultData },
  { input: { attemptId: string; idempotencyKey: string }; locale: ApiLocale }
> = {
  operationName: "WidgetSubmitAttempt",
  query: `mutation WidgetSubmitAttempt($input: SubmitAttemptInput!, $locale: Locale) {
  submitAttempt(input: $input, locale: $locale) { ${RESULT_FIELDS} }
}`,
};

export const HISTORY_QUERY: TypedDocument<
  { myAttempts: { nodes: HistoryAttempt[] } },
  { assessment: string | null; locale: ApiLocale }
> = {
  operationName: "WidgetHistory",
  query: `query WidgetHistory($assessment: String, $locale: Locale) {
  myAttempts(first: 50, status: SUBMITTED, assessment: $assessment, locale: $locale) {
    nodes {
      id submittedAt assessment { slug title }
      result { scores { skill { slug name } score band } }
    }
  }
}`,
};
