import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import type { AssessmentKind } from "./assessment.enums.js";

/** An assessment's identity; its texts and items live in immutable {@link AssessmentVersion}s. */
@Entity({ name: "assessment" })
export class Assessment {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** Unique per owner: the built-in library, or one organisation. */
  @Column({ type: "text" })
  slug: string;

  @Column({ type: "text" })
  kind: AssessmentKind;

  @Column({ type: "integer" })
  position: number;

  /** The published version new attempts use; null until the first publish. */
  @Column({ name: "current_version_id", type: "uuid", nullable: true })
  currentVersionId: string | null;

  /** The organisation that authored it; null for the built-in library. */
  @Column({ name: "organization_id", type: "uuid", nullable: true })
  organizationId: string | null;

  /** When it was archived: hidden from listings and new attempts from then on. */
  @Column({ name: "archived_at", type: "timestamptz", nullable: true })
  archivedAt: Date | null;

  @Column({ name: "created_at", type: "timestamptz", insert: false, update: false })
  createdAt: Date;
}
