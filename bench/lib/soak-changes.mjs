// What administrators change now and then during the soak, through the admin API, each change
// making some of the API's cached answers stale:
//   publish  a new version of the organisation's own assessment (the examples' team-decisions):
//            its cached GETs and the organisation's kept reports are dropped
//   erase    one generated employee of the reporting organisation (GDPR erasure): their
//            responses in ended months leave the report cells, which counts up the report
//            revision, so the analysts' kept reports are computed again
// A submit in the running month, which is every submit of the soak, changes no report: reports
// cover months that have ended.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT } from "./api-process.mjs";
import { ErrorTally, Latencies, graphqlFailure } from "./stats.mjs";

const EXAMPLES = path.join(ROOT, "packages/api/examples/admin");

/** The examples' documents, as an administrator would send them. */
export async function adminDocuments() {
  const read = (name) => readFile(path.join(EXAMPLES, name), "utf8");
  const create = await read("1-create-assessment.graphql");
  return {
    create,
    // The same content as a new draft: once a version is published, a draft starts a new one.
    update: create
      .replace("mutation CreateAssessment", "mutation UpdateAssessmentDraft")
      .replace("createAssessment(", "updateAssessmentDraft("),
    publish: await read("2-publish-assessment.graphql"),
    erase: await read("9-erase-subject-data.graphql"),
  };
}

/** The slug the examples' assessment has. */
export const OWN_ASSESSMENT = "team-decisions";

/**
 * Sends one admin operation with `apiKey`; resolves with its data, or throws with what failed.
 */
export async function adminRequest(url, apiKey, query, variables = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.text();
  const failure = graphqlFailure(response.status, body);
  if (failure) throw new Error(`${failure}: ${body.slice(0, 300)}`);
  return JSON.parse(body).data;
}

/**
 * Every `everyMs`, publishes or erases (in turn) until stopped. `take()` hands over what
 * happened since the last call: changes made, their latencies, and failures.
 */
export function startChanges({ url, documents, publisherKey, eraserKey, everyMs }) {
  let figures = fresh();
  let turn = 0;
  let erased = 0;
  const change = async () => {
    const started = performance.now();
    const current = figures;
    try {
      if (turn++ % 2 === 0) {
        await adminRequest(url, publisherKey, documents.update);
        await adminRequest(url, publisherKey, documents.publish, { slug: OWN_ASSESSMENT });
        current.published += 1;
      } else {
        // generate.mjs names its employees e000000, e000001, …
        const subject = `e${String(erased++).padStart(6, "0")}`;
        await adminRequest(url, eraserKey, documents.erase, { subject });
        current.erased += 1;
      }
      current.latencies.add(performance.now() - started);
    } catch (error) {
      current.errors.add(`admin change: ${error instanceof Error ? error.message : error}`);
    }
  };
  let running = Promise.resolve();
  // One change at a time: a slow one delays the next instead of overlapping it.
  const timer = setInterval(() => {
    running = running.then(change);
  }, everyMs);
  return {
    take() {
      const taken = figures;
      figures = fresh();
      return taken;
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

function fresh() {
  return { published: 0, erased: 0, latencies: new Latencies(), errors: new ErrorTally() };
}
