import type { LocalizedText as Texts } from "@real-skills/shared";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { VersionStatusEnum, type VersionStatus } from "./assessment.enums.js";
import { LocalizedText } from "./localized-text.types.js";

/**
 * A snapshot of an assessment. Once published, the database refuses any change to it or its
 * items (see the library migration), so results taken on it keep their meaning. As a GraphQL
 * type it is the administrators' view, with every language; employees see `Assessment`.
 */
@ObjectType({
  description:
    "One version of an organisation's assessment, as its administrators see it: texts in every language.",
})
@Entity({ name: "assessment_version" })
export class AssessmentVersion {
  @Field(() => ID, { description: "Identifier of the version; attempts are pinned to it." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "assessment_id", type: "uuid" })
  assessmentId: string;

  @Field(() => Int, { description: "Version number, starting at 1." })
  @Column({ type: "integer" })
  version: number;

  @Field(() => VersionStatusEnum, { description: "DRAFT while it can change, then PUBLISHED." })
  @Column({ type: "text" })
  status: VersionStatus;

  /** SHA-256 of the normalised content; an import with the same hash changes nothing. */
  @Column({ name: "content_hash", type: "text" })
  contentHash: string;

  @Field(() => LocalizedText, { description: "Title." })
  @Column({ type: "jsonb" })
  title: Texts;

  @Field(() => LocalizedText, { description: "What the assessment measures." })
  @Column({ type: "jsonb" })
  description: Texts;

  @Field(() => Int, { description: "About how many minutes it takes." })
  @Column({ name: "estimated_minutes", type: "integer" })
  estimatedMinutes: number;

  @Field(() => Date, { nullable: true, description: "When it was published; null for a draft." })
  @Column({ name: "published_at", type: "timestamptz", nullable: true })
  publishedAt: Date | null;

  @Field({ description: "When the version was started." })
  @Column({ name: "created_at", type: "timestamptz", insert: false, update: false })
  createdAt: Date;
}
