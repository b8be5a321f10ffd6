import { pickText } from "@real-skills/shared";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../context.js";
import { Skill } from "../skill/skill.entity.js";
import { ItemOption } from "./item-option.entity.js";
import { Item } from "./item.entity.js";

@Resolver(() => Item)
export class ItemResolver {
  @FieldResolver(() => String, {
    description:
      "The statement (LIKERT), scenario (SITUATIONAL), question (FORCED_CHOICE) or reflection prompt.",
  })
  prompt(@Root() item: Item, @Ctx() { locale }: Context): string {
    return pickText(item.prompt, locale);
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether an attempt needs an answer to this item before it can be submitted: every kind but REFLECTION.",
  })
  required(@Root() item: Item): boolean {
    return item.kind !== "REFLECTION";
  }

  @FieldResolver(() => Skill, {
    nullable: true,
    description: "The skill a LIKERT item measures; null for other kinds.",
  })
  skill(@Root() item: Item, @Ctx() { loaders }: Context): Promise<Skill | null> | null {
    return item.skillId === null ? null : loaders.skillById.load(item.skillId);
  }

  @FieldResolver(() => [ItemOption], {
    description: "Options to choose from (SITUATIONAL, FORCED_CHOICE); empty for other kinds.",
  })
  options(@Root() item: Item, @Ctx() { loaders }: Context): Promise<ItemOption[]> | ItemOption[] {
    return item.kind === "SITUATIONAL" || item.kind === "FORCED_CHOICE"
      ? loaders.publishedOptionsByItemId.load(item.id)
      : [];
  }
}

@Resolver(() => ItemOption)
export class ItemOptionResolver {
  @FieldResolver(() => String, { description: "Text of the option." })
  label(@Root() option: ItemOption, @Ctx() { locale }: Context): string {
    return pickText(option.label, locale);
  }
}
