import type { BandFeedback, LocalizedText } from "@real-skills/shared";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

/**
 * One of the nine built-in skill areas. Localised columns hold every locale; the resolver picks
 * one per request, so they are not GraphQL fields themselves.
 */
@ObjectType({ description: "A leadership skill area of the real-skills library." })
@Entity({ name: "skill" })
export class Skill {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field({ description: "Stable, human-readable identifier, e.g. `decision-quality`." })
  @Column({ type: "text", unique: true })
  slug: string;

  @Field(() => Int, { description: "Display order within the library, starting at 1." })
  @Column({ type: "integer" })
  position: number;

  @Column({ type: "jsonb" })
  name: LocalizedText;

  @Column({ type: "jsonb" })
  summary: LocalizedText;

  /** What a result in each band means for this skill, and one thing to try; from the content files. */
  @Column({ type: "jsonb" })
  feedback: BandFeedback;
}
