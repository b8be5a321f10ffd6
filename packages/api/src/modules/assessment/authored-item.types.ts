import type { ItemKind, LocalizedText as Texts } from "@real-skills/shared";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { ItemKindEnum } from "./assessment.enums.js";
import type { ItemOption } from "./item-option.entity.js";
import type { Item } from "./item.entity.js";
import { LocalizedText } from "./localized-text.types.js";

/**
 * The administrators' view of items and options, scoring included. Employees see `Item` and
 * `ItemOption`, which never carry it.
 */

@ObjectType({ description: "Points an option gives towards one skill when chosen." })
export class SkillPoints {
  @Field({ description: "Slug of the skill." })
  skill: string;

  @Field(() => Int, { description: "Points, 0–3." })
  points: number;
}

@ObjectType({ description: "An answer option with its scoring, as its authors see it." })
export class AuthoredOption {
  @Field({ description: "Key of the option, unique within its item." })
  key: string;

  @Field(() => Int, { description: "Position within the item, starting at 1." })
  position: number;

  @Field(() => LocalizedText, { description: "Text of the option." })
  label: Texts;

  @Field(() => [SkillPoints], { description: "Points per skill when this option is chosen." })
  skillPoints: SkillPoints[];
}

@ObjectType({ description: "An item with its scoring, as its authors see it." })
export class AuthoredItem {
  @Field(() => ID, { description: "Identifier of the item in this version." })
  id: string;

  @Field({ description: "Key of the item, stable across versions." })
  key: string;

  @Field(() => Int, { description: "Position within the version, starting at 1." })
  position: number;

  @Field(() => ItemKindEnum, { description: "How the item is answered." })
  kind: ItemKind;

  @Field(() => LocalizedText, {
    description: "Statement, scenario, question or reflection prompt.",
  })
  prompt: Texts;

  @Field({ description: "LIKERT only: agreement counts against the skill." })
  reverseScored: boolean;

  skillId: string | null;
}

export function toAuthoredItem(item: Item): AuthoredItem {
  return {
    id: item.id,
    key: item.key,
    position: item.position,
    kind: item.kind,
    prompt: item.prompt,
    reverseScored: item.reverseKeyed,
    skillId: item.skillId,
  };
}

export function toAuthoredOption(option: ItemOption): AuthoredOption {
  return {
    key: option.key,
    position: option.position,
    label: option.label,
    skillPoints: Object.entries(option.weights).map(([skill, points]) => ({ skill, points })),
  };
}
