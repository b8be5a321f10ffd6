import { Field, InputType, Int } from "type-graphql";
import { ItemKindEnum } from "./assessment.enums.js";
import { LocalizedTextInput } from "./localized-text.types.js";
import type { ItemKind } from "@real-skills/shared";

@InputType({ description: "Points an option gives towards one skill when chosen." })
export class SkillPointsInput {
  @Field({ description: "Slug of a built-in skill, e.g. `decision-quality`." })
  skill: string;

  @Field(() => Int, { description: "Points, 0–3." })
  points: number;
}

@InputType({ description: "One answer option of a SITUATIONAL or FORCED_CHOICE item." })
export class OptionInput {
  @Field({ description: "Key of the option, unique within its item (a slug)." })
  key: string;

  @Field(() => LocalizedTextInput, { description: "Text of the option, at most 200 characters." })
  label: LocalizedTextInput;

  @Field(() => [SkillPointsInput], {
    nullable: true,
    description:
      "Points per skill when this option is chosen; each skill at most once. Default: none.",
  })
  skillPoints?: SkillPointsInput[] | null;
}

@InputType({
  description:
    "One item, as in the library's content files. Fields that do not apply to the item's kind must be left out.",
})
export class ItemInput {
  @Field({
    description:
      "Key of the item, unique within the assessment and stable across versions (a slug).",
  })
  key: string;

  @Field(() => ItemKindEnum, { description: "How the item is answered." })
  kind: ItemKind;

  @Field(() => LocalizedTextInput, {
    description:
      "Statement, scenario, question or reflection prompt (SITUATIONAL: at most 400 characters, others 300).",
  })
  prompt: LocalizedTextInput;

  @Field(() => String, {
    nullable: true,
    description: "LIKERT only, required: the skill the statement measures.",
  })
  skill?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "LIKERT only: agreement counts against the skill. Default: false.",
  })
  reverseScored?: boolean | null;

  @Field(() => [OptionInput], {
    nullable: true,
    description: "SITUATIONAL (3–4) and FORCED_CHOICE (exactly 2) only: the options, in order.",
  })
  options?: OptionInput[] | null;
}

@InputType({
  description:
    "An organisation's assessment: its slug and the content of its next version. Every text needs every language.",
})
export class AssessmentInput {
  @Field({
    description:
      "Identifies the assessment (a slug). New ones must not use a built-in slug or another of the organisation's.",
  })
  slug: string;

  @Field(() => LocalizedTextInput, { description: "Title, at most 80 characters." })
  title: LocalizedTextInput;

  @Field(() => LocalizedTextInput, { description: "What it measures, at most 280 characters." })
  description: LocalizedTextInput;

  @Field(() => Int, { description: "About how many minutes it takes, 2–4." })
  estimatedMinutes: number;

  @Field(() => [ItemInput], { description: "The items, in order: 5–14." })
  items: ItemInput[];
}
