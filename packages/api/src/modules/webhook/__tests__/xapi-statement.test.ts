import { deliveryRequest, type OutgoingDelivery } from "../webhook.request.js";
import { xapiStatement } from "../xapi-statement.js";

const ORGANIZATION_ID = "0f6a4c52-8d1e-4a57-a1b2-5d6f7e8a9b0c";
const DELIVERY_ID = "6b0c8e0e-2f59-4a5e-9d8e-1c7a3f1f5b21";

/** An `attempt.completed` payload as the outbox stores it (webhook.events.ts). */
function completedEvent(attempt: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: DELIVERY_ID,
    type: "attempt.completed",
    occurredAt: "2026-11-29T09:15:02.114Z",
    organizationId: ORGANIZATION_ID,
    attempt: {
      id: "a1d4e8f2-3b5c-4d6e-8f90-1a2b3c4d5e6f",
      subject: "employee-42",
      assessment: { slug: "decision-quality", version: 2 },
      submittedAt: "2026-11-29T09:15:02.101Z",
      team: "blue",
      department: "Logistics",
      ...attempt,
    },
  };
}

const delivery = { id: DELIVERY_ID, organizationId: ORGANIZATION_ID };

describe("xapiStatement", () => {
  it("says that the employee completed the assessment, under our IRIs", () => {
    expect(xapiStatement(delivery, completedEvent())).toEqual({
      id: DELIVERY_ID,
      actor: {
        objectType: "Agent",
        account: {
          homePage: `urn:realskills:organization:${ORGANIZATION_ID}`,
          name: "employee-42",
        },
      },
      verb: {
        id: "http://adlnet.gov/expapi/verbs/completed",
        display: { "en-US": "completed", "de-DE": "abgeschlossen" },
      },
      object: {
        objectType: "Activity",
        id: "urn:realskills:assessment:decision-quality",
        definition: {
          type: "http://adlnet.gov/expapi/activities/assessment",
          name: { "en-US": "decision-quality" },
        },
      },
      timestamp: "2026-11-29T09:15:02.101Z",
      context: {
        platform: "Real Skills",
        extensions: {
          "urn:realskills:extension:assessment-version": 2,
          "urn:realskills:extension:team": "blue",
          "urn:realskills:extension:department": "Logistics",
        },
      },
    });
  });

  it("never carries results, even if an event ever did", () => {
    const event = completedEvent({
      scores: [{ skill: "decisions", score: 80, band: "PROFICIENT" }],
      answers: [{ item: "q1", option: "b" }],
      feedback: "Well done",
    });
    const json = JSON.stringify(xapiStatement(delivery, event));
    expect(json).not.toMatch(/score|band|answer|option|feedback|result|success/i);
    // Not even the attempt id: the statement is about the person and the assessment.
    expect(json).not.toContain("a1d4e8f2");
  });

  it("leaves out an unknown team or department", () => {
    const statement = xapiStatement(delivery, completedEvent({ team: null, department: null }));
    expect(statement.context.extensions).toEqual({
      "urn:realskills:extension:assessment-version": 2,
    });
  });

  it("refuses anything but an attempt.completed event", () => {
    expect(() =>
      xapiStatement(delivery, {
        type: "assessment.published",
        assessment: { slug: "decision-quality", version: 2 },
      }),
    ).toThrow(/attempt\.completed/);
  });
});

describe("deliveryRequest for XAPI endpoints", () => {
  const outgoing: OutgoingDelivery = {
    id: DELIVERY_ID,
    organizationId: ORGANIZATION_ID,
    eventType: "attempt.completed",
    payload: completedEvent(),
    format: "XAPI",
    url: "https://lrs.example.com/xapi",
    secret: "whsec_unused",
    authorization: "Basic a2V5OnNlY3JldA==",
  };

  it.each([
    ["https://lrs.example.com/xapi", "https://lrs.example.com/xapi/statements"],
    ["https://lrs.example.com/xapi/", "https://lrs.example.com/xapi/statements"],
    ["https://lrs.example.com", "https://lrs.example.com/statements"],
    [
      "https://lrs.example.com/data/xAPI?tenant=7",
      "https://lrs.example.com/data/xAPI/statements?tenant=7",
    ],
  ])("POSTs %s's statements to %s", (url, expected) => {
    expect(deliveryRequest({ ...outgoing, url }).url).toBe(expected);
  });

  it("sends the statement with the LRS's authorization and the xAPI version, unsigned", () => {
    const request = deliveryRequest(outgoing);
    expect(request.headers).toEqual({
      "Content-Type": "application/json",
      "User-Agent": "RealSkills-Webhooks/1",
      "X-Experience-API-Version": "1.0.3",
      Authorization: "Basic a2V5OnNlY3JldA==",
    });
    expect(JSON.parse(request.body)).toEqual(xapiStatement(outgoing, outgoing.payload));
  });

  it("counts 2xx and 409 Conflict (the statement id is already stored) as delivered", () => {
    const { accepted } = deliveryRequest(outgoing);
    expect([200, 204, 409].map(accepted)).toEqual([true, true, true]);
    expect([301, 400, 401, 500, 503].map(accepted)).toEqual([false, false, false, false, false]);
    // A Real Skills receiver's 409 is a failure like any other non-2xx answer.
    expect(deliveryRequest({ ...outgoing, format: "REAL_SKILLS" }).accepted(409)).toBe(false);
  });
});
