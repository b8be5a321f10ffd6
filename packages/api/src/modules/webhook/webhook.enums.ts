import { registerEnumType } from "type-graphql";

/** The events a webhook endpoint can subscribe to, as sent in `type` and `X-RealSkills-Event`. */
export const WEBHOOK_EVENT_TYPES = ["attempt.completed", "assessment.published"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_DELIVERY_STATUSES = ["PENDING", "DELIVERED", "FAILED"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** GraphQL names are constants, so the dotted event names map to upper-case ones. */
export const WebhookEventTypeEnum = {
  ATTEMPT_COMPLETED: "attempt.completed",
  ASSESSMENT_PUBLISHED: "assessment.published",
} as const satisfies Record<string, WebhookEventType>;

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
