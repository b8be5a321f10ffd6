import { registerEnumType } from "type-graphql";

/** The events a webhook endpoint can subscribe to, as sent in `type` and `X-RealSkills-Event`. */
export const WEBHOOK_EVENT_TYPES = ["attempt.completed", "assessment.published"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** How deliveries to an endpoint are shaped: our own signed event, or an xAPI statement for an LRS. */
export const WEBHOOK_FORMATS = ["REAL_SKILLS", "XAPI"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** The only event an XAPI endpoint can take: a statement says that someone completed something. */
export const XAPI_EVENT_TYPES: readonly WebhookEventType[] = ["attempt.completed"];

export const WEBHOOK_DELIVERY_STATUSES = ["PENDING", "DELIVERED", "FAILED"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** GraphQL names are constants, so the dotted event names map to upper-case ones. */
export const WebhookEventTypeEnum = {
  ATTEMPT_COMPLETED: "attempt.completed",
  ASSESSMENT_PUBLISHED: "assessment.published",
} as const satisfies Record<string, WebhookEventType>;

export const WebhookFormatEnum = {
  REAL_SKILLS: "REAL_SKILLS",
  XAPI: "XAPI",
} as const satisfies Record<WebhookFormat, WebhookFormat>;

export const WebhookDeliveryStatusEnum = {
  PENDING: "PENDING",
  DELIVERED: "DELIVERED",
  FAILED: "FAILED",
} as const satisfies Record<WebhookDeliveryStatus, WebhookDeliveryStatus>;

registerEnumType(WebhookEventTypeEnum, {
  name: "WebhookEventType",
  description: "An event a webhook endpoint can subscribe to.",
  valuesConfig: {
    ATTEMPT_COMPLETED: {
      description:
        "`attempt.completed`: an employee submitted an attempt. Carries no scores, bands or answers.",
    },
    ASSESSMENT_PUBLISHED: {
      description:
        "`assessment.published`: a new version of one of your assessments was published.",
    },
  },
});

registerEnumType(WebhookFormatEnum, {
  name: "WebhookFormat",
  description: "How deliveries to a webhook endpoint are shaped.",
  valuesConfig: {
    REAL_SKILLS: {
      description:
        "The Real Skills event as JSON, POSTed to the URL and signed with `X-RealSkills-Signature`.",
    },
    XAPI: {
      description:
        'An xAPI 1.0.3 statement ("completed"), POSTed to `<url>/statements` of a Learning Record Store with your `authorization` header. `attempt.completed` only; carries no scores, bands or answers.',
    },
  },
});

registerEnumType(WebhookDeliveryStatusEnum, {
  name: "WebhookDeliveryStatus",
  description: "Where a delivery stands.",
  valuesConfig: {
    PENDING: { description: "Not delivered yet; the next try is at `nextAttemptAt`." },
    DELIVERED: { description: "The endpoint answered with a 2xx status." },
    FAILED: {
      description:
        "Given up: every try failed, or the endpoint was disabled before the delivery was made.",
    },
  },
});
