import type { ItemKind, LocalizedText } from "@real-skills/shared";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { ItemKindEnum } from "./assessment.enums.js";

@ObjectType({ description: "One question of an assessment version." })
@Entity({ name: "item" })
export class Item {
  @Field(() => ID, {
    description: "Identifier of the item in this version; answers refer to it.",
  })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "version_id", type: "uuid" })
  versionId: string;

  @Field({ description: "Key of the item, stable across versions of the same assessment." })
  @Column({ type: "text" })
  key: string;

  @Field(() => Int, { description: "Position within the assessment, starting at 1." })
  @Column({ type: "integer" })
  position: number;

  @Field(() => ItemKindEnum, { description: "How the item is answered." })
  @Column({ type: "text" })
  kind: ItemKind;

  @Column({ name: "skill_id", type: "uuid", nullable: true })
  skillId: string | null;

  /** Whether agreement counts against the skill. Scoring detail: never exposed to employees. */
  @Column({ name: "reverse_keyed", type: "boolean" })
  reverseKeyed: boolean;

  @Column({ type: "jsonb" })
  prompt: LocalizedText;
}
