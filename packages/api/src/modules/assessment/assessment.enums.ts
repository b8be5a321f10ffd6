import { ITEM_KINDS, type ItemKind } from "@real-skills/shared";
import { registerEnumType } from "type-graphql";
import { asEnum } from "../../common/enum.js";

export const ASSESSMENT_KINDS = ["SKILL", "COMPOSITE"] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

export const VERSION_STATUSES = ["DRAFT", "PUBLISHED"] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const AssessmentKindEnum = asEnum(ASSESSMENT_KINDS);
export const ItemKindEnum = asEnum<ItemKind>(ITEM_KINDS);

registerEnumType(AssessmentKindEnum, {
  name: "AssessmentKind",
  description: "What an assessment measures.",
  valuesConfig: {
    SKILL: { description: "One skill, in 5–8 items." },
    COMPOSITE: { description: "Several skills at once, like the Real Skills Check." },
  },
});

registerEnumType(ItemKindEnum, {
  name: "ItemKind",
  description: "How an item is answered.",
  valuesConfig: {
    LIKERT: { description: "Agreement with a statement on a 5-point scale (1–5)." },
    SITUATIONAL: { description: "A short scenario with 3–4 options; pick one." },
    FORCED_CHOICE: { description: "Two statements; pick the one closer to you." },
    REFLECTION: { description: "Free text, never scored and private to the employee." },
  },
});

export const VersionStatusEnum = asEnum(VERSION_STATUSES);

registerEnumType(VersionStatusEnum, {
  name: "VersionStatus",
  description: "Whether a version of an assessment can still change.",
  valuesConfig: {
    DRAFT: { description: "Being written: changes replace it; employees never see it." },
    PUBLISHED: { description: "Frozen for good; attempts are taken on it." },
  },
});
