import { mintEmbedToken, type EmbedKey } from "./embed-token.js";
import { agreeAndPickFirst } from "./employees.js";
import type { NextOperation } from "./load-recorder.js";
import { ASSESSMENT, INTRANET_ORIGIN } from "./reliability.js";

/** The workers of a steady mixed load: what the widget's employees, analysts and pages send. */

interface StartedAttempt {
  id: string;
  assessment: { items: { id: string; kind: string; options: { id: string }[] }[] };
}

const START = `mutation($slug: String!) {
  startAttempt(input: { assessmentSlug: $slug }) { id assessment { items { id kind options { id } } } }
}`;
const SAVE = `mutation($input: SaveAnswerInput!) { saveAnswer(input: $input) { id } }`;

/**
 * An employee who starts the assessment (again, until it is started), then keeps saving answers
 * with a rising sequence: writes through the per-employee rate limit, the attempt and answers.
 */
export async function employeeWorker(embedKey: EmbedKey, subject: string): Promise<NextOperation> {
  const token = await mintEmbedToken(embedKey, { sub: subject, team: "Load", department: "Load" });
  const headers = { authorization: `Bearer ${token}`, origin: INTRANET_ORIGIN };
  let attempt: StartedAttempt | undefined;
  let sequence = 0;
  return (previous) => {
    attempt ??= previous?.data?.startAttempt as StartedAttempt | undefined;
    if (attempt === undefined) return { query: START, variables: { slug: ASSESSMENT }, headers };
    sequence += 1;
    const { items } = attempt.assessment;
    const item = items[sequence % items.length] ?? items[0];
    if (item === undefined) throw new Error(`${ASSESSMENT} has no items`);
    return {
      query: SAVE,
      variables: {
        input: { attemptId: attempt.id, itemId: item.id, sequence, ...agreeAndPickFirst(item) },
      },
      headers,
    };
  };
}

/** An analyst (embed token, role analyst) reading the team report by team, again and again. */
export async function analystWorker(embedKey: EmbedKey, subject: string): Promise<NextOperation> {
  const token = await mintEmbedToken(embedKey, { sub: subject, role: "analyst" });
  const operation = {
    query: `query($input: TeamReportInput!) {
      teamReport(input: $input) { groups { key participants skills { skill { slug } mean } } }
    }`,
    variables: { input: { assessmentSlug: ASSESSMENT, groupBy: "TEAM" } },
    headers: { authorization: `Bearer ${token}`, origin: INTRANET_ORIGIN },
  };
  return () => operation;
}

/** A page reading the library's assessment anonymously over POST (never from the cache). */
export function readerWorker(): NextOperation {
  const operation = {
    query: `query($slug: String!) { assessment(slug: $slug) { title items { prompt } } }`,
    variables: { slug: ASSESSMENT },
  };
  return () => operation;
}
