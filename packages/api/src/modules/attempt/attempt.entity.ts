import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { AttemptStatusEnum, type AttemptStatus } from "./attempt.enums.js";

/**
 * One employee's go at one assessment version. Owned by an organisation and a pseudonymous
 * subject; only that subject ever reads it (see `AttemptService`).
 */
@ObjectType({ description: "One employee's attempt at an assessment: answers, then a result." })
@Entity({ name: "attempt" })
export class Attempt {
  @Field(() => ID, { description: "Identifier of the attempt." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "organization_id", type: "uuid" })
  organizationId: string;

  /** The embed token's `sub`: a pseudonymous employee id chosen by the organisation. */
  @Column({ type: "text" })
  subject: string;

  @Column({ name: "assessment_id", type: "uuid" })
  assessmentId: string;

  /** The published version the attempt is pinned to; its items are the ones answered. */
  @Column({ name: "version_id", type: "uuid" })
  versionId: string;

  @Field(() => AttemptStatusEnum, { description: "IN_PROGRESS while answering, then SUBMITTED." })
  @Column({ type: "text" })
  status: AttemptStatus;

  /** The token's team and department when submitted: the groups of HR's aggregate reports. */
  @Column({ type: "text", nullable: true })
  team: string | null;

  @Column({ type: "text", nullable: true })
  department: string | null;

  /** The key of the submit that closed the attempt; a replay with it gets the same result. */
  @Column({ name: "idempotency_key", type: "text", nullable: true })
  idempotencyKey: string | null;

  @Field({ description: "When the attempt was started." })
  @Column({ name: "started_at", type: "timestamptz" })
  startedAt: Date;

  @Field({ description: "When an answer was last saved (or the attempt started)." })
  @Column({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: "When it was submitted; null before." })
  @Column({ name: "submitted_at", type: "timestamptz", nullable: true })
  submittedAt: Date | null;
}
