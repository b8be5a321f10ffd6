import type { LocalizedText } from "@real-skills/shared";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

/** Points an option gives per skill slug. Scoring detail: never exposed to employees. */
export type OptionWeights = Record<string, number>;

@ObjectType({ description: "One answer option of a SITUATIONAL or FORCED_CHOICE item." })
@Entity({ name: "item_option" })
export class ItemOption {
  @Field(() => ID, { description: "Identifier of the option; answers refer to it." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "item_id", type: "uuid" })
  itemId: string;

  @Field({ description: "Key of the option, stable across versions of the same assessment." })
  @Column({ type: "text" })
  key: string;

  @Field(() => Int, { description: "Position within the item, starting at 1." })
  @Column({ type: "integer" })
  position: number;

  @Column({ type: "jsonb" })
  label: LocalizedText;

  @Column({ type: "jsonb" })
  weights: OptionWeights;
}
