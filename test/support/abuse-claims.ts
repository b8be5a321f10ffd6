import { randomUUID } from "node:crypto";
import type { AbuseContext } from "./abuse-corpus.js";
import type { GraphQLAnswer, HostileRequest } from "./abuse-request.js";
import { mintEmbedToken, type EmbedClaims, type EmbedKey } from "./embed-token.js";
import { agreeAndPickFirst } from "./employees.js";
import { INTRANET_ORIGIN } from "./reliability.js";

/**
 * Claim values a customer's backend could put into an embed token: the API stores `sub` with
 * every attempt and `team` and `department` with every submitted one, and shows teams and
 * departments to HR.
 */
const CLAIM_VALUES: readonly { name: string; value: string }[] = [
  { name: "NUL", value: "team\u0000a" },
  { name: "a lone surrogate", value: "team\uD800a" },
  { name: "SQL", value: "'; DROP TABLE attempt; --" },
  { name: "a script", value: "<img src=x onerror=alert(1)>" },
  { name: "RTL and zero-width", value: "\u202Emaet\u200B\uFEFFx" },
];

const CLAIMS = ["sub", "team", "department"] as const;

const START = `mutation($slug: String!) { startAttempt(input: { assessmentSlug: $slug }) { id } }`;
const SAVE = `mutation($input: SaveAnswerInput!) { saveAnswer(input: $input) { id } }`;
const SUBMIT = `mutation($input: SubmitAttemptInput!) { submitAttempt(input: $input) { submittedAt } }`;

/**
 * Whole assessments taken with hostile claims, one claim at a time: start, one answer per item,
 * submit. Each journey's later requests use the attempt id its start returned (a random one when
 * the start was refused, so that they are refused too).
 */
export async function claimsCorpus(
  embedKey: EmbedKey,
  context: AbuseContext,
): Promise<HostileRequest[]> {
  const journeys = await Promise.all(
    CLAIMS.flatMap((claim) =>
      CLAIM_VALUES.map(async ({ name, value }) => {
        const claims: EmbedClaims = { sub: `abuse-claims-${randomUUID()}`, [claim]: value };
        const token = await mintEmbedToken(embedKey, claims);
        return journey(`${claim} of ${name}`, claim, value, token, context);
      }),
    ),
  );
  return journeys.flat();
}

function journey(
  title: string,
  claim: (typeof CLAIMS)[number],
  value: string,
  token: string,
  context: AbuseContext,
): HostileRequest[] {
  let attemptId: string = randomUUID();
  const base = {
    category: "claims" as const,
    caller: "employee" as const,
    headers: { authorization: `Bearer ${token}`, origin: INTRANET_ORIGIN },
  };
  const { slug, items } = context.assessment;
  return [
    {
      ...base,
      name: `${title}: start`,
      body: JSON.stringify({ query: START, variables: { slug } }),
      // The attempt holds its employee's subject from the start.
      ...(claim === "sub" ? { stores: value } : {}),
      onAnswer: (answer: GraphQLAnswer) => {
        const started = answer.data?.startAttempt as { id?: unknown } | null | undefined;
        if (typeof started?.id === "string") attemptId = started.id;
      },
    },
    ...items.map((item, index) => ({
      ...base,
      name: `${title}: answer ${index + 1}`,
      body: () =>
        JSON.stringify({
          query: SAVE,
          variables: {
            input: { attemptId, itemId: item.id, sequence: 1, ...agreeAndPickFirst(item) },
          },
        }),
    })),
    {
      ...base,
      name: `${title}: submit`,
      body: () =>
        JSON.stringify({
          query: SUBMIT,
          variables: { input: { attemptId, idempotencyKey: randomUUID() } },
        }),
      // Team and department are stored with the submitted attempt and in the report's cells.
      ...(claim === "sub" ? {} : { stores: value }),
    },
  ];
}
