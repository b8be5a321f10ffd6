import type { Band } from "@real-skills/shared";
import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { BandEnum } from "./attempt.enums.js";

/** The stored score of one skill in one submitted attempt; results are read, not recomputed. */
@ObjectType("SkillScore", { description: "How an attempt scored on one skill." })
@Entity({ name: "attempt_score" })
export class AttemptScore {
  @PrimaryColumn({ name: "attempt_id", type: "uuid" })
  attemptId: string;

  @PrimaryColumn({ name: "skill_id", type: "uuid" })
  skillId: string;

  @Column({ name: "organization_id", type: "uuid" })
  organizationId: string;

  @Field(() => Int, {
    description: "0–100: where the answers lie between the lowest and highest possible for them.",
  })
  @Column({ type: "integer" })
  score: number;

  @Field(() => BandEnum, { description: "The band of the score." })
  @Column({ type: "text" })
  band: Band;

  @Field(() => Int, {
    name: "answeredItems",
    description: "How many answered items measured this skill.",
  })
  @Column({ type: "integer" })
  answered: number;

  @Column({ type: "integer" })
  raw: number;

  @Column({ type: "integer" })
  min: number;

  @Column({ type: "integer" })
  max: number;
}
