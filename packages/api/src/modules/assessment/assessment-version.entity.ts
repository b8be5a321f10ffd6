import type { LocalizedText } from "@real-skills/shared";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import type { VersionStatus } from "./assessment.enums.js";

/**
 * A frozen snapshot of an assessment. Once published, the database refuses any change to it or
 * its items (see the library migration), so results taken on it keep their meaning.
 */
@Entity({ name: "assessment_version" })
export class AssessmentVersion {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "assessment_id", type: "uuid" })
  assessmentId: string;

  @Column({ type: "integer" })
  version: number;

  @Column({ type: "text" })
  status: VersionStatus;

  /** SHA-256 of the normalised content; an import with the same hash changes nothing. */
  @Column({ name: "content_hash", type: "text" })
  contentHash: string;

  @Column({ type: "jsonb" })
  title: LocalizedText;

  @Column({ type: "jsonb" })
  description: LocalizedText;

  @Column({ name: "estimated_minutes", type: "integer" })
  estimatedMinutes: number;

  @Column({ name: "published_at", type: "timestamptz", nullable: true })
  publishedAt: Date | null;
}
