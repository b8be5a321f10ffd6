// Case 2: the widget's whole flow, from 64 employees at once. Each connection plays one
// employee after another, each one new (own subject, own embed token): startAttempt on
// decision-quality, one saveAnswer per answerable item (a valid answer, read from the items
// startAttempt returns), then submitAttempt with a fresh idempotency key, all with the widget's
// own documents and headers. autocannon cycles this sequence per connection; a failed step
// abandons that employee and the connection starts the next one.
import { randomUUID } from "node:crypto";
import { measuredRow, withFreshApi, warmUpThenMeasure } from "../lib/measure.mjs";
import { Latencies, graphqlFailure } from "../lib/stats.mjs";
import { TokenPool } from "../lib/token-pool.mjs";
import {
  SAVE_ANSWER,
  START_ATTEMPT,
  SUBMIT_ATTEMPT,
  WIDGET_HEADERS,
  operationBody,
} from "./widget-documents.mjs";

const CONNECTIONS = 64;
const SLUG = "decision-quality";

export async function runWidgetFlow({
  env,
  databaseName,
  seconds,
  warmupSeconds,
  embedKey,
  origin,
  log,
}) {
  // One load generator is one address: the per-address limit is off. The per-principal limit
  // stays at its default (600 a minute): each employee sends only a handful of requests, and its
  // counter is part of what every authenticated request costs.
  const apiEnv = { ...env, RATE_LIMIT_IP_PER_MINUTE: "0" };
  delete apiEnv.RATE_LIMIT_PER_MINUTE;
  log(`  case 2: the widget's flow on ${SLUG}, ${CONNECTIONS} employees at a time, each new`);
  return withFreshApi(apiEnv, async (api) => {
    const answerable = await countAnswerableItems(api.url);
    const tokens = new TokenPool(embedKey);
    await tokens.fill();
    const headers = { ...WIDGET_HEADERS, Origin: origin };
    let flow;
    const result = await warmUpThenMeasure({
      url: api.url,
      serverPid: api.pid,
      databaseName,
      connections: CONNECTIONS,
      seconds,
      warmupSeconds,
      log,
      makeRequests: (errors) => {
        flow = new FlowRecorder(errors);
        return flowRequests({ answerable, tokens, headers, flow });
      },
    });
    return { ...result, flow, answerable };
  }).then(toRow);
}

/** Items that take an answer: all but REFLECTION (free text, optional, never scored). */
export async function countAnswerableItems(url) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      query: `query($slug: String!) { assessment(slug: $slug) { items { kind } } }`,
      variables: { slug: SLUG },
    }),
  });
  const { data } = await response.json();
  const items = data?.assessment?.items;
  if (!items) throw new Error(`no assessment "${SLUG}"`);
  return items.filter((item) => item.kind !== "REFLECTION").length;
}

/** Per operation and per whole attempt: latencies, completions, abandoned attempts. */
export class FlowRecorder {
  constructor(errors) {
    this.errors = errors;
    this.completed = 0;
    this.abandoned = 0;
    this.attempts = new Latencies();
    this.byOperation = {
      startAttempt: new Latencies(),
      saveAnswer: new Latencies(),
      submitAttempt: new Latencies(),
    };
  }

  /** Records one response of `operation`; returns false (and counts the error) when it failed. */
  record(operation, context, status, body) {
    this.byOperation[operation].add(performance.now() - context.sentAt);
    const failure = graphqlFailure(status, body);
    if (failure === undefined) return true;
    this.errors.add(`${operation}: ${failure}`);
    this.abandoned += 1;
    context.failed = true;
    return false;
  }
}

/**
 * The request sequence of one employee. The context (autocannon's, per connection) is emptied
 * when the sequence starts over; a step whose employee failed before returns null, which makes
 * autocannon start over at once with the next employee.
 */
export function flowRequests({ answerable, tokens, headers, flow }) {
  const post = { method: "POST", path: "/graphql" };
  const start = {
    ...post,
    setupRequest(request, context) {
      context.authorization = `Bearer ${tokens.take()}`;
      context.startedAt = context.sentAt = performance.now();
      request.headers = { ...headers, Authorization: context.authorization };
      request.body = operationBody(START_ATTEMPT, { slug: SLUG, locale: "EN" });
      return request;
    },
    onResponse(status, body, context) {
      if (!flow.record("startAttempt", context, status, body)) return;
      const attempt = JSON.parse(body).data.startAttempt;
      context.attemptId = attempt.id;
      context.answers = attempt.assessment.items
        .filter((item) => item.kind !== "REFLECTION")
        .map(answerFor);
      if (context.answers.length !== answerable) {
        flow.errors.add(
          `startAttempt: ${context.answers.length} answerable items, not ${answerable}`,
        );
        context.failed = true;
      }
    },
  };
  const saves = Array.from({ length: answerable }, (_, index) => ({
    ...post,
    setupRequest(request, context) {
      if (context.failed || context.attemptId === undefined) return null;
      context.sentAt = performance.now();
      request.headers = { ...headers, Authorization: context.authorization };
      // The widget's first save of an item is sequence 1; later edits count up.
      const input = { attemptId: context.attemptId, ...context.answers[index], sequence: 1 };
      request.body = operationBody(SAVE_ANSWER, { input });
      return request;
    },
    onResponse(status, body, context) {
      flow.record("saveAnswer", context, status, body);
    },
  }));
  const submit = {
    ...post,
    setupRequest(request, context) {
      if (context.failed || context.attemptId === undefined) return null;
      context.sentAt = performance.now();
      request.headers = { ...headers, Authorization: context.authorization };
      const input = { attemptId: context.attemptId, idempotencyKey: randomUUID() };
      request.body = operationBody(SUBMIT_ATTEMPT, { input, locale: "EN" });
      return request;
    },
    onResponse(status, body, context) {
      if (!flow.record("submitAttempt", context, status, body)) return;
      flow.completed += 1;
      flow.attempts.add(performance.now() - context.startedAt);
    },
  };
  return [start, ...saves, submit];
}

/** A valid answer to `item`, as the widget sends it: a LIKERT point or one of the options. */
function answerFor(item) {
  if (item.kind === "LIKERT") return { itemId: item.id, value: 1 + Math.floor(Math.random() * 5) };
  const option = item.options[Math.floor(Math.random() * item.options.length)];
  return { itemId: item.id, optionId: option.id };
}

function toRow(result) {
  const { flow } = result;
  const ms = (latencies, p) => latencies.percentile(p);
  return measuredRow(result, {
    id: "2",
    name: `widget flow: start, ${result.answerable} saves, submit`,
    connections: CONNECTIONS,
    throughput: flow.completed / result.seconds,
    throughputUnit: "attempts/s",
    requestsPerSecond: result.responses / result.seconds,
    attempt: {
      completed: flow.completed,
      abandoned: flow.abandoned,
      p50: ms(flow.attempts, 0.5),
      p99: ms(flow.attempts, 0.99),
    },
    operations: Object.fromEntries(
      Object.entries(flow.byOperation).map(([name, latencies]) => [
        name,
        { count: latencies.count, p50: ms(latencies, 0.5), p99: ms(latencies, 0.99) },
      ]),
    ),
  });
}
