import { BANDS, type Band } from "@real-skills/shared";
import { registerEnumType } from "type-graphql";
import { asEnum } from "../../common/enum.js";

export const ATTEMPT_STATUSES = ["IN_PROGRESS", "SUBMITTED"] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

export const AttemptStatusEnum = asEnum(ATTEMPT_STATUSES);
export const BandEnum = asEnum<Band>(BANDS);

registerEnumType(AttemptStatusEnum, {
  name: "AttemptStatus",
  description: "Where an attempt stands.",
  valuesConfig: {
    IN_PROGRESS: { description: "Being answered; answers can still change." },
    SUBMITTED: { description: "Submitted and scored; nothing in it changes any more." },
  },
});

registerEnumType(BandEnum, {
  name: "Band",
  description: "What range a 0–100 skill score falls in.",
  valuesConfig: {
    EMERGING: { description: "Below 40: the skill is taking shape." },
    DEVELOPING: { description: "40–69: the skill shows, not yet every time." },
    STRONG: { description: "70 and above: the skill is a habit." },
  },
});
