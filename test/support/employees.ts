import { randomUUID } from "node:crypto";

/** Who sends an employee's operations: their token, from a page on an allowed origin. */
export interface EmbedCaller {
  apiUrl: string;
  token: string;
  origin: string;
}

interface StartedItem {
  id: string;
  kind: string;
  options: { id: string }[];
}

/** One answer to one item, in `saveAnswer`'s input fields. */
export type AnswerFor = (item: StartedItem) => { value?: number; optionId?: string; text?: string };

/** Agrees with every statement and picks every first option; reflections get a sentence. */
export const agreeAndPickFirst: AnswerFor = (item) =>
  item.kind === "LIKERT"
    ? { value: 4 }
    : item.kind === "REFLECTION"
      ? { text: "I will ask what we knew at the time." }
      : { optionId: item.options[0]?.id ?? "" };

export interface SubmittedScores {
  scores: { skill: { slug: string; name: string }; score: number }[];
}

/**
 * Takes an assessment through the API as the widget does (start, save each answer, submit)
 * and returns the scores. Fails loudly on any GraphQL error.
 */
export async function takeAssessment(
  caller: EmbedCaller,
  slug: string,
  answerFor: AnswerFor = agreeAndPickFirst,
): Promise<SubmittedScores> {
  const { startAttempt } = await embedGraphql<{
    startAttempt: { id: string; assessment: { items: StartedItem[] } };
  }>(
    caller,
    `mutation($slug: String!) {
      startAttempt(input: { assessmentSlug: $slug }) { id assessment { items { id kind options { id } } } }
    }`,
    { slug },
  );
  for (const item of startAttempt.assessment.items) {
    await embedGraphql(
      caller,
      `mutation($input: SaveAnswerInput!) { saveAnswer(input: $input) { id } }`,
      { input: { attemptId: startAttempt.id, itemId: item.id, sequence: 1, ...answerFor(item) } },
    );
  }
  const { submitAttempt } = await embedGraphql<{ submitAttempt: SubmittedScores }>(
    caller,
    `mutation($input: SubmitAttemptInput!) {
      submitAttempt(input: $input) { scores { skill { slug name } score } }
    }`,
    { input: { attemptId: startAttempt.id, idempotencyKey: randomUUID() } },
  );
  return submitAttempt;
}

/** POSTs one operation with an embed token and the page's `Origin`; returns `data` or throws. */
export async function embedGraphql<T = Record<string, unknown>>(
  { apiUrl, token, origin }: EmbedCaller,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, origin },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) {
    throw new Error(`GraphQL failed (${response.status}): ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}
