import type { LocalizedText } from "@real-skills/shared";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@ObjectType({
  description:
    "A short lesson on one skill: the key idea, why it matters, a practice for this week and a question to reflect on.",
})
@Entity({ name: "lesson" })
export class Lesson {
  @Field(() => ID, { description: "Stable identifier." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field({ description: "Stable, human-readable identifier, unique across the library." })
  @Column({ type: "text", unique: true })
  slug: string;

  @Column({ name: "skill_id", type: "uuid" })
  skillId: string;

  @Field(() => Int, { description: "Order of the lesson within its skill, starting at 1." })
  @Column({ type: "integer" })
  position: number;

  @Field(() => Int, { description: "Minutes to read the lesson and plan its practice." })
  @Column({ type: "integer" })
  minutes: number;

  @Column({ type: "jsonb" })
  title: LocalizedText;

  @Column({ name: "key_idea", type: "jsonb" })
  keyIdea: LocalizedText;

  @Column({ name: "why_it_matters", type: "jsonb" })
  whyItMatters: LocalizedText;

  @Column({ type: "jsonb" })
  practice: LocalizedText;

  @Column({ name: "reflection_question", type: "jsonb" })
  reflectionQuestion: LocalizedText;
}
