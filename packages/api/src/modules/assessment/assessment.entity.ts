import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import type { AssessmentKind } from "./assessment.enums.js";

/** An assessment's identity; its texts and items live in immutable {@link AssessmentVersion}s. */
@Entity({ name: "assessment" })
export class Assessment {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "text", unique: true })
  slug: string;

  @Column({ type: "text" })
  kind: AssessmentKind;

  @Column({ type: "integer" })
  position: number;

  /** The published version new attempts use; null until the first publish. */
  @Column({ name: "current_version_id", type: "uuid", nullable: true })
  currentVersionId: string | null;
}
