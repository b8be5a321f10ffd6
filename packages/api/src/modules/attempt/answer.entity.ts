import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

/** The saved answer to one item of one attempt: exactly one of option, value and text. */
@ObjectType({ description: "A saved answer to one item of an attempt. Only its author sees it." })
@Entity({ name: "answer" })
export class Answer {
  @PrimaryColumn({ name: "attempt_id", type: "uuid" })
  attemptId: string;

  @Field(() => ID, { description: "The item answered." })
  @PrimaryColumn({ name: "item_id", type: "uuid" })
  itemId: string;

  @Column({ name: "organization_id", type: "uuid" })
  organizationId: string;

  @Field(() => ID, {
    nullable: true,
    description: "The chosen option (SITUATIONAL, FORCED_CHOICE).",
  })
  @Column({ name: "option_id", type: "uuid", nullable: true })
  optionId: string | null;

  @Field(() => Int, { nullable: true, description: "Agreement 1–5 (LIKERT)." })
  @Column({ type: "integer", nullable: true })
  value: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Free text (REFLECTION); never scored, never shown to anyone but its author.",
  })
  @Column({ type: "text", nullable: true })
  text: string | null;

  @Field(() => Int, {
    description: "The client's counter of changes to this answer; the highest one is kept.",
  })
  @Column({ type: "integer" })
  sequence: number;

  @Field({ description: "When the answer was last saved." })
  @Column({ name: "saved_at", type: "timestamptz" })
  savedAt: Date;
}
