import type { EmbedTokenClaims } from "@real-skills/shared";
import type { GraphQLFormattedError } from "graphql";
import type { CreatedOrganization } from "../../organization/organization.service.js";
import type { HttpResult, TestApp } from "../../../test-support/harness.js";

/**
 * Operations and a small client for the attempt tests, written from the contract in ADR 0010:
 * everything goes over real HTTP with an embed token from an allowed origin, as the widget does.
 */

export const ORIGIN = "https://intranet.example.com";

const ITEM_FIELDS = `
  id key position kind required prompt
  skill { slug }
  options { id key position label }`;

const SCORE_FIELDS = `
  skill { slug name }
  score band answeredItems feedback nextStep`;

const RESULT_FIELDS = `
  submittedAt
  attempt { id status }
  scores { ${SCORE_FIELDS} }
  recommendedLessons { slug title skill { slug } }`;

const ATTEMPT_FIELDS = `
  id status answeredCount startedAt updatedAt submittedAt
  assessment { id slug version versionId title itemCount items { ${ITEM_FIELDS} } }
  answers { itemId item { id key } optionId value text sequence savedAt }
  result { ${RESULT_FIELDS} }`;

export const START = `mutation($input: StartAttemptInput!, $locale: Locale) {
  startAttempt(input: $input, locale: $locale) { ${ATTEMPT_FIELDS} }
}`;

export const SAVE = `mutation($input: SaveAnswerInput!) {
  saveAnswer(input: $input) { ${ATTEMPT_FIELDS} }
}`;

export const SUBMIT = `mutation($input: SubmitAttemptInput!, $locale: Locale) {
  submitAttempt(input: $input, locale: $locale) { ${RESULT_FIELDS} }
}`;

export const ATTEMPT = `query($id: ID!, $locale: Locale) {
  attempt(id: $id, locale: $locale) { ${ATTEMPT_FIELDS} }
}`;

export const MY_ATTEMPTS = `query(
  $first: Int, $after: String, $assessment: String, $status: AttemptStatus
) {
  myAttempts(first: $first, after: $after, assessment: $assessment, status: $status) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id } }
    nodes {
      id status startedAt submittedAt
      assessment { slug version }
      result { scores { skill { slug } score band answeredItems } }
    }
  }
}`;

export interface ItemView {
  id: string;
  key: string;
  position: number;
  kind: "LIKERT" | "SITUATIONAL" | "FORCED_CHOICE" | "REFLECTION";
  required: boolean;
  prompt: string;
  skill: { slug: string } | null;
  options: { id: string; key: string; position: number; label: string }[];
}

export interface AnswerView {
  itemId: string;
  item: { id: string; key: string };
  optionId: string | null;
  value: number | null;
  text: string | null;
  sequence: number;
  savedAt: string;
}

export interface ScoreView {
  skill: { slug: string; name: string };
  score: number;
  band: "EMERGING" | "DEVELOPING" | "STRONG";
  answeredItems: number;
  feedback: string;
  nextStep: string;
}

export interface ResultView {
  submittedAt: string;
  attempt: { id: string; status: string };
  scores: ScoreView[];
  recommendedLessons: { slug: string; title: string; skill: { slug: string } }[];
}

export interface AttemptView {
  id: string;
  status: "IN_PROGRESS" | "SUBMITTED";
  answeredCount: number;
  startedAt: string;
  updatedAt: string;
  submittedAt: string | null;
  assessment: {
    id: string;
    slug: string;
    version: number;
    versionId: string;
    title: string;
    itemCount: number;
    items: ItemView[];
  };
  answers: AnswerView[];
  result: ResultView | null;
}

export interface AttemptListView {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: { cursor: string; node: { id: string } }[];
  nodes: {
    id: string;
    status: string;
    startedAt: string;
    submittedAt: string | null;
    assessment: { slug: string; version: number };
    result: { scores: { skill: { slug: string }; score: number; band: string }[] } | null;
  }[];
}

export type Locale = "EN" | "DE";

export interface SaveAnswerInput {
  attemptId: string;
  itemId: string;
  optionId?: string;
  value?: number;
  text?: string;
  sequence?: number;
}

/**
 * How to answer an item, by item key: a number is a LIKERT agreement, a string the key of an
 * option (SITUATIONAL, FORCED_CHOICE), `{ text }` a reflection.
 */
export type Choice = number | string | { text: string };

/** The first error's extensions, or undefined when the call succeeded. */
export const errorOf = (result: { body: { errors?: readonly GraphQLFormattedError[] } }) =>
  result.body.errors?.[0]?.extensions;

/**
 * Asserts that a call failed with `code` (and the given extensions) and returned nothing: `data`
 * is null, or holds only null for a nullable field.
 */
export function expectFailure(
  result: { body: { data?: unknown; errors?: readonly GraphQLFormattedError[] } },
  extensions: Record<string, unknown>,
): void {
  expect(result.body.errors?.[0]?.extensions).toMatchObject(extensions);
  const data = result.body.data as Record<string, unknown> | null | undefined;
  for (const value of Object.values(data ?? {})) expect(value).toBeNull();
}

/** The item with `key`; fails the test when the attempt has none. */
export function itemOf(attempt: AttemptView, key: string): ItemView {
  const item = attempt.assessment.items.find((candidate) => candidate.key === key);
  if (!item) throw new Error(`no item ${key} in ${attempt.assessment.slug}`);
  return item;
}

/** The option `optionKey` of the item `itemKey`. */
export function optionOf(attempt: AttemptView, itemKey: string, optionKey: string) {
  const option = itemOf(attempt, itemKey).options.find((candidate) => candidate.key === optionKey);
  if (!option) throw new Error(`no option ${optionKey} on ${itemKey}`);
  return option;
}

/** The `saveAnswer` input that gives item `key` the answer `choice`. */
export function answerInput(attempt: AttemptView, key: string, choice: Choice): SaveAnswerInput {
  const item = itemOf(attempt, key);
  const base = { attemptId: attempt.id, itemId: item.id };
  if (typeof choice === "number") return { ...base, value: choice };
  if (typeof choice === "string") return { ...base, optionId: optionOf(attempt, key, choice).id };
  return { ...base, text: choice.text };
}

/** One employee's browser: an embed token of `organization` sent from an allowed origin. */
export class Employee {
  private constructor(
    private readonly app: TestApp,
    /** The token's `sub`: the pseudonymous id the attempt table stores. */
    readonly subject: string,
    private readonly token: string,
    private readonly origin: string,
  ) {}

  static async of(
    app: TestApp,
    organization: CreatedOrganization,
    subject: string,
    options: { origin?: string } & Partial<
      Pick<EmbedTokenClaims, "team" | "department" | "locale" | "role">
    > = {},
  ): Promise<Employee> {
    const { origin = ORIGIN, ...claims } = options;
    const token = await app.mintToken(organization, { sub: subject, ...claims });
    return new Employee(app, subject, token, origin);
  }

  call<T>(query: string, variables: Record<string, unknown> = {}): Promise<HttpResult<T>> {
    return this.app.http<T>(query, variables, { token: this.token, origin: this.origin });
  }

  start(assessmentSlug: string, locale?: Locale) {
    return this.call<{ startAttempt: AttemptView }>(START, {
      input: { assessmentSlug },
      ...(locale ? { locale } : {}),
    });
  }

  save(input: SaveAnswerInput) {
    return this.call<{ saveAnswer: AttemptView }>(SAVE, { input });
  }

  submit(attemptId: string, idempotencyKey: string, locale?: Locale) {
    return this.call<{ submitAttempt: ResultView }>(SUBMIT, {
      input: { attemptId, idempotencyKey },
      ...(locale ? { locale } : {}),
    });
  }

  attempt(id: string, locale?: Locale) {
    return this.call<{ attempt: AttemptView | null }>(ATTEMPT, {
      id,
      ...(locale ? { locale } : {}),
    });
  }

  myAttempts(variables: Record<string, unknown> = {}) {
    return this.call<{ myAttempts: AttemptListView }>(MY_ATTEMPTS, variables);
  }

  /** Starts (or resumes) an attempt and fails the test on any error. */
  async started(assessmentSlug: string, locale?: Locale): Promise<AttemptView> {
    return dataOf(await this.start(assessmentSlug, locale)).startAttempt;
  }

  /** Saves one answer and fails the test on any error. */
  async saved(input: SaveAnswerInput): Promise<AttemptView> {
    return dataOf(await this.save(input)).saveAnswer;
  }

  /** Saves `choices` one after another, as a person clicks through, and returns the attempt. */
  async answered(attempt: AttemptView, choices: Record<string, Choice>): Promise<AttemptView> {
    let latest = attempt;
    for (const [key, choice] of Object.entries(choices)) {
      latest = await this.saved(answerInput(attempt, key, choice));
    }
    return latest;
  }

  /** Submits and fails the test on any error. */
  async submitted(attemptId: string, idempotencyKey: string, locale?: Locale) {
    return dataOf(await this.submit(attemptId, idempotencyKey, locale)).submitAttempt;
  }
}

/** `data` of a successful call; fails the test with the errors otherwise. */
export function dataOf<T>(result: HttpResult<T>): T {
  expect(result.body.errors).toBeUndefined();
  const { data } = result.body;
  if (data === null || data === undefined) throw new Error("no data");
  return data;
}

/** What the database holds of one attempt: the row, its answers and its scores. */
export async function storedAttempt(app: TestApp, attemptId: string) {
  const query = app.database.dataSource.query.bind(app.database.dataSource);
  const attempt: unknown[] = await query(
    `SELECT status, version_id, idempotency_key, updated_at, submitted_at
       FROM attempt WHERE id = $1`,
    [attemptId],
  );
  const answers: unknown[] = await query(
    `SELECT item_id, option_id, value, text, sequence, saved_at
       FROM answer WHERE attempt_id = $1 ORDER BY item_id`,
    [attemptId],
  );
  const scores: unknown[] = await query(
    `SELECT skill_id, score, band, answered, raw, min, max
       FROM attempt_score WHERE attempt_id = $1 ORDER BY skill_id`,
    [attemptId],
  );
  return { attempt, answers, scores };
}

/** Decision-quality answers that earn every point (see the content file's weights). */
export const BEST_DECISION_QUALITY: Record<string, Choice> = {
  "judges-what-was-known": 5,
  "months-invested-means-finish": 1, // reverse-keyed: disagreeing earns the most
  "quick-on-small-choices": 5,
  "tool-six-months-in": "c", // 3 of 0–3
  "sound-choice-bad-result": "b", // 3 of 0–3
  "judging-a-decision": "leadership", // 3 of 0–3
};

/** Decision-quality answers that earn no point at all. */
export const WORST_DECISION_QUALITY: Record<string, Choice> = {
  "judges-what-was-known": 1,
  "months-invested-means-finish": 5,
  "quick-on-small-choices": 1,
  "tool-six-months-in": "b", // 0
  "sound-choice-bad-result": "a", // 0
  "judging-a-decision": "management", // 0
};

export const DECISION_QUALITY_LESSONS = [
  "separate-decisions-from-outcomes",
  "let-go-of-sunk-costs",
  "spend-attention-where-it-counts",
];
