import type { WebhookEventType, WebhookFormat } from "./webhook.enums.js";
import { signWebhook } from "./webhook.signature.js";
import { XAPI_VERSION, xapiStatement } from "./xapi-statement.js";

/** A claimed delivery with what its endpoint needs to send it. */
export interface OutgoingDelivery {
  id: string;
  organizationId: string;
  eventType: WebhookEventType;
  payload: Record<string, unknown>;
  format: WebhookFormat;
  url: string;
  secret: string;
  /** The `Authorization` header an XAPI endpoint's LRS expects; null for REAL_SKILLS. */
  authorization: string | null;
}

/** One HTTP request of a delivery, and which answers count as delivered. */
export interface DeliveryRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  accepted: (status: number) => boolean;
}

export const USER_AGENT = "RealSkills-Webhooks/1";

const isSuccess = (status: number) => status >= 200 && status < 300;

/**
 * The request for a delivery in its endpoint's format. Everything else — claiming, timeouts,
 * retries, the delivery log — is the same for every format (webhook.worker.ts).
 */
export function deliveryRequest(delivery: OutgoingDelivery, now = new Date()): DeliveryRequest {
  switch (delivery.format) {
    case "REAL_SKILLS": {
      const body = eventBody(delivery.payload);
      return {
        url: delivery.url,
        headers: {
          "Content-Type": "application/json",
          "User-Agent": USER_AGENT,
          "X-RealSkills-Event": delivery.eventType,
          "X-RealSkills-Delivery": delivery.id,
          "X-RealSkills-Signature": signWebhook(delivery.secret, body, now),
        },
        body,
        accepted: isSuccess,
      };
    }
    case "XAPI":
      return {
        url: statementsUrl(delivery.url),
        headers: {
          "Content-Type": "application/json",
          "User-Agent": USER_AGENT,
          "X-Experience-API-Version": XAPI_VERSION,
          Authorization: delivery.authorization ?? "",
        },
        body: JSON.stringify(xapiStatement(delivery, delivery.payload)),
        // The statement id is the delivery id: an LRS that already stored it from an earlier
        // try whose answer was lost may say 409 Conflict, and it has the statement all the same.
        accepted: (status) => isSuccess(status) || status === 409,
      };
  }
}

/** The JSON body of a REAL_SKILLS delivery: envelope fields first, then the event's own. */
function eventBody(payload: Record<string, unknown>): string {
  const { id, type, occurredAt, organizationId, ...data } = payload;
  return JSON.stringify({ id, type, occurredAt, organizationId, ...data });
}

/** The LRS's statements resource under its base URL (`https://lrs.example.com/xapi`). */
function statementsUrl(base: string): string {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/statements`;
  return url.toString();
}
