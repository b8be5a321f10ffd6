// The soak's load: a steady mix of what a day of real use sends, each part at a fixed rate from
// a fixed number of connections, so that its latency means the same in the tenth minute as in
// the first. Every part is built afresh for each interval (new employees, new tokens) and keeps
// bringing keys the API has not seen: attempts, pins, loaders, signing-key lookups.
//   flow      employees taking decision-quality with the widget's documents (case 2), each new
//   reads     the library's assessment as a persisted GET (case 1), anonymous in English and
//             German, and with employees' tokens, also the organisation's own assessment
//   reports   analysts' team reports of the generated organisation, four variants (case 3)
//   failures  requests that must fail, and fail the expected way: bad tokens, bad input
import { randomBytes, randomUUID } from "node:crypto";
import { EMBED_TOKEN_AUDIENCE } from "@real-skills/shared";
import { mintEmbedToken } from "../../packages/api/dist/auth/token-minter.js";
import { GET_HEADERS, persistedPath, readRequest } from "../cases/hot-read.mjs";
import { FlowRecorder, flowRequests } from "../cases/widget-flow.mjs";
import {
  SAVE_ANSWER,
  START_ATTEMPT,
  TEAM_REPORT,
  WIDGET_HEADERS,
  operationBody,
} from "../cases/widget-documents.mjs";
import { checkedRequest } from "./load.mjs";
import { graphqlFailure } from "./stats.mjs";

/**
 * Connections and requests per second of each part. autocannon sends each connection's share
 * of a second at the start of the second, so every second begins with a burst from all of them
 * at once: few connections keep that queue short.
 */
export const PARTS = {
  flow: { connections: 8, rate: 120 },
  reads: { connections: 4, rate: 200 },
  reports: { connections: 2, rate: 10 },
  failures: { connections: 2, rate: 20 },
};

// Employees whose tokens the reads and the failures use in one interval, and analysts: a few
// each, so that no one of them comes near the per-person limit (600 a minute).
const READERS = 16;
const ANALYSTS = 4;
const REPORTED_ASSESSMENT = "real-skills-check";
const REPORT_VARIANTS = [
  ["DEPARTMENT", "EN"],
  ["TEAM", "EN"],
  ["ORGANIZATION", "EN"],
  ["DEPARTMENT", "DE"],
];

/**
 * The parts of one interval's load: { name, connections, rate, requests }, and the flow's
 * recorder. `setup` holds what the run set up: the employees' token pool (`tokens`) and key id
 * (`employeeKid`), the analysts' key (`analystKey`), the page `origin`, the assessment the
 * organisation published (`ownAssessment`) and decision-quality's `answerable` items.
 * Unexpected answers of every part count in `errors`.
 */
export async function intervalParts(setup, errors) {
  const { tokens, origin } = setup;
  const readers = Array.from({ length: READERS }, () => tokens.take());
  const analysts = await Promise.all(
    Array.from({ length: ANALYSTS }, (_, n) =>
      mintEmbedToken(setup.analystKey, { sub: `analyst-${n}`, role: "analyst" }, 15 * 60),
    ),
  );
  const flow = new FlowRecorder(errors);
  const headers = { ...WIDGET_HEADERS, Origin: origin };
  const parts = [
    {
      name: "flow",
      ...PARTS.flow,
      requests: flowRequests({ answerable: setup.answerable, tokens, headers, flow }),
    },
    { name: "reads", ...PARTS.reads, requests: readRequests(setup, readers, errors) },
    { name: "reports", ...PARTS.reports, requests: reportRequests(analysts, headers, errors) },
    {
      name: "failures",
      ...PARTS.failures,
      requests: await failingRequests(setup, readers, headers, errors),
    },
  ];
  return { parts, flow };
}

function readRequests(setup, readers, errors) {
  const asEmployee = rotating(readers, (path) =>
    readRequest({ ...GET_HEADERS, Origin: setup.origin }, errors, path),
  );
  return [
    readRequest(GET_HEADERS, errors),
    asEmployee(undefined),
    readRequest({ ...GET_HEADERS, "Accept-Language": "de" }, errors),
    asEmployee(persistedPath(setup.ownAssessment)),
  ];
}

function reportRequests(analysts, headers, errors) {
  const asAnalyst = rotating(analysts, ([groupBy, locale]) =>
    checkedRequest(
      "teamReport",
      errors,
      {
        method: "POST",
        path: "/graphql",
        headers,
        body: operationBody(TEAM_REPORT, {
          input: { assessmentSlug: REPORTED_ASSESSMENT, groupBy },
          locale,
        }),
      },
      (status, body) =>
        graphqlFailure(status, body) ??
        (body.startsWith('{"data":{"teamReport":{') ? undefined : "no report"),
    ),
  );
  return REPORT_VARIANTS.map(asAnalyst);
}

/**
 * Requests that must fail: each counts as an error only when it does not fail as expected
 * ("HTTP 401 UNAUTHENTICATED"). A token naming an unknown key is new every time: unknown keys
 * must not be remembered.
 */
async function failingRequests(setup, readers, headers, errors) {
  const forged = await mintEmbedToken(
    { kid: setup.employeeKid, secret: randomBytes(32).toString("base64url") },
    { sub: "forger", role: "employee" },
    15 * 60,
  );
  const post = (document, variables, authorization) => ({
    method: "POST",
    path: "/graphql",
    headers: authorization === undefined ? headers : { ...headers, Authorization: authorization },
    body: operationBody(document, variables),
  });
  const start = [START_ATTEMPT, { slug: "no-such-assessment", locale: "EN" }];
  const save = (attemptId) => [SAVE_ANSWER, { input: { attemptId, itemId: randomUUID() } }];
  const expect = (name, expected, request) =>
    checkedRequest(name, errors, request, (status, body) => {
      const failure = graphqlFailure(status, body);
      return failure === expected ? undefined : `expected ${expected}, got ${failure ?? "data"}`;
    });
  const asReader = rotating(readers, ([name, expected, request]) =>
    expect(name, expected, request),
  );
  const unauthenticated = "HTTP 401 UNAUTHENTICATED";
  return [
    expect("malformed token", unauthenticated, post(...start, "Bearer not a token")),
    withAuthorization(expect("unknown key", unauthenticated, post(...start)), unknownKeyToken),
    expect("wrong signature", unauthenticated, post(...start, `Bearer ${forged}`)),
    asReader(["unknown assessment", "HTTP 200 NOT_FOUND", post(...start)]),
    asReader(["unknown attempt", "HTTP 200 NOT_FOUND", post(...save(randomUUID()))]),
    asReader(["bad attempt id", "HTTP 200 BAD_USER_INPUT", post(...save("not-an-id"))]),
    expect("invalid document", "HTTP 400 GRAPHQL_VALIDATION_FAILED", {
      ...post(...start),
      body: JSON.stringify({ query: '{ assessment(slug: "x") { nope } }' }),
    }),
  ];
}

/** Builds requests (`build(variant)`) that carry the next of `tokens` in turn. */
function rotating(tokens, build) {
  let next = 0;
  return (variant) => withAuthorization(build(variant), () => tokens[next++ % tokens.length]);
}

/** `request` with a token from `tokenOf()` before every send (autocannon's `setupRequest`). */
function withAuthorization(request, tokenOf) {
  return {
    ...request,
    setupRequest(copy) {
      copy.headers = { ...request.headers, Authorization: `Bearer ${tokenOf()}` };
      return copy;
    },
  };
}

/** A well-formed HS256 token whose key id no organisation has: refused after one lookup. */
function unknownKeyToken() {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const header = part({ alg: "HS256", typ: "JWT", kid: `ek_${randomBytes(12).toString("hex")}` });
  const claims = part({ sub: "nobody", aud: EMBED_TOKEN_AUDIENCE, iat: now, exp: now + 600 });
  return `${header}.${claims}.${randomBytes(32).toString("base64url")}`;
}
