import { ERROR_CODES } from "@real-skills/shared";
import type { DataSource, EntityManager } from "typeorm";
import type { OrganizationPrincipal } from "../../auth/principal.js";
import type { ChangeSink } from "../../caching/change-notices.js";
import { cursor, type Page } from "../../common/connection.js";
import { apiError } from "../../common/errors.js";
import { invalidInput } from "../../common/problems.js";
import { recordAudit } from "../audit/index.js";
import {
  insertDraftVersion,
  measuredSkills,
  publishVersion,
  replaceDraftContent,
  type VersionContent,
} from "../content/index.js";
import { assessmentPublishedData } from "../webhook/webhook.events.js";
import { WebhookOutbox } from "../webhook/webhook.outbox.js";
import type { AssessmentKind, VersionStatus } from "./assessment.enums.js";
import { Assessment } from "./assessment.entity.js";
import { toAuthoredAssessment, type AuthoredAssessment } from "./authored-assessment.types.js";

/** Organisations' assessments sort after the built-in library (positions 1–99), by slug. */
const ORGANIZATION_ASSESSMENT_POSITION = 1000;

const UNIQUE_VIOLATION = "23505";

/**
 * Authoring of an organisation's own assessments: drafts, publishing, archiving. Every method
 * takes the acting principal; the organisation comes from it alone, and another organisation's
 * assessments behave exactly like missing ones. Each change and its audit entry share one
 * transaction.
 */
export class AssessmentAuthoringService {
  constructor(
    private readonly dataSource: DataSource,
    /** Told after a publish or archive, so that every instance drops what it cached. */
    private readonly changes: ChangeSink,
  ) {}

  /** Creates an assessment with `content` as its draft version 1. */
  async create(
    actor: OrganizationPrincipal,
    slug: string,
    content: VersionContent,
  ): Promise<AuthoredAssessment> {
    return this.dataSource.transaction(async (manager) => {
      await assertSlugFree(manager, actor.organizationId, slug);
      const assessment = await manager
        .getRepository(Assessment)
        .save(
          manager.getRepository(Assessment).create({
            slug,
            kind: kindOf(content),
            position: ORGANIZATION_ASSESSMENT_POSITION,
            organizationId: actor.organizationId,
          }),
        )
        .catch((error: unknown) => {
          // A concurrent create of the same slug got there first.
          if (
            (error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION
          ) {
            throw slugTaken();
          }
          throw error;
        });
      await insertDraftVersion(manager, assessment.id, 1, content);
      await recordAudit(manager, actor, {
        action: "assessment.create",
        targetType: "assessment",
        targetId: assessment.id,
        details: { slug, version: 1 },
      });
      return reload(manager, assessment.id);
    });
  }

  /**
   * Replaces the draft's content, or starts a new draft version when the latest version is
   * published (published versions never change).
   */
  async updateDraft(
    actor: OrganizationPrincipal,
    slug: string,
    content: VersionContent,
  ): Promise<AuthoredAssessment> {
    return this.dataSource.transaction(async (manager) => {
      const assessment = await lockOwn(manager, actor.organizationId, slug);
      assertNotArchived(assessment, "input.slug");
      const latest = await latestVersion(manager, assessment.id);
      let version: number;
      if (latest?.status === "DRAFT") {
        await replaceDraftContent(manager, latest.id, content);
        version = latest.version;
      } else {
        version = (latest?.version ?? 0) + 1;
        await insertDraftVersion(manager, assessment.id, version, content);
      }
      await recordAudit(manager, actor, {
        action: "assessment.update_draft",
        targetType: "assessment",
        targetId: assessment.id,
        details: { slug, version, newVersion: latest?.status !== "DRAFT" },
      });
      return toAuthoredAssessment(assessment);
    });
  }

  /** Publishes the draft: it is frozen from now on and new attempts use it. */
  async publish(actor: OrganizationPrincipal, slug: string): Promise<AuthoredAssessment> {
    const published = await this.dataSource.transaction(async (manager) => {
      const assessment = await lockOwn(manager, actor.organizationId, slug);
      assertNotArchived(assessment, "slug");
      const draft = await latestVersion(manager, assessment.id);
      if (draft?.status !== "DRAFT") {
        throw invalidInput([{ path: "slug", message: "has no draft to publish" }]);
      }
      await publishVersion(manager, assessment.id, draft.id);
      // The kind describes the published version: one measured skill or several.
      await manager.query(
        `UPDATE assessment SET kind = CASE
           WHEN (SELECT count(*) FROM assessment_version_skill WHERE version_id = $2) = 1
           THEN 'SKILL' ELSE 'COMPOSITE' END
         WHERE id = $1`,
        [assessment.id, draft.id],
      );
      await recordAudit(manager, actor, {
        action: "assessment.publish",
        targetType: "assessment",
        targetId: assessment.id,
        details: { slug, version: draft.version },
      });
      await WebhookOutbox.enqueue(
        manager,
        actor.organizationId,
        "assessment.published",
        await assessmentPublishedData(manager, draft.id),
      );
      return reload(manager, assessment.id);
    });
    await this.changes.changed({
      kind: "content",
      organizationId: actor.organizationId,
    });
    return published;
  }

  /** Hides the assessment from listings and new attempts; its versions and results stay. */
  async archive(actor: OrganizationPrincipal, slug: string): Promise<AuthoredAssessment> {
    const archived = await this.dataSource.transaction(async (manager) => {
      const assessment = await lockOwn(manager, actor.organizationId, slug);
      await manager.query(
        `UPDATE assessment SET archived_at = COALESCE(archived_at, now()), updated_at = now()
          WHERE id = $1`,
        [assessment.id],
      );
      await recordAudit(manager, actor, {
        action: "assessment.archive",
        targetType: "assessment",
        targetId: assessment.id,
        details: { slug, alreadyArchived: assessment.archivedAt !== null },
      });
      return reload(manager, assessment.id);
    });
    await this.changes.changed({
      kind: "content",
      organizationId: actor.organizationId,
    });
    return archived;
  }

  /** One of the organisation's own assessments, archived ones included; null otherwise. */
  async ownBySlug(organizationId: string, slug: string): Promise<AuthoredAssessment | null> {
    const row = await this.dataSource.getRepository(Assessment).findOneBy({ organizationId, slug });
    return row && toAuthoredAssessment(row);
  }

  /** The organisation's own assessments, archived ones included; keyset pages by slug. */
  async listOwn(
    organizationId: string,
    args: { first: number; after?: string | null },
  ): Promise<Page<AuthoredAssessment>> {
    const repository = this.dataSource.getRepository(Assessment);
    const page = repository
      .createQueryBuilder("a")
      .where("a.organization_id = :organizationId", { organizationId })
      .orderBy("a.slug", "ASC")
      .take(args.first + 1);
    if (args.after) {
      page.andWhere("a.slug > :after", { after: cursor.decode(args.after).slug });
    }
    const [rows, totalCount] = await Promise.all([
      page.getMany(),
      repository.countBy({ organizationId }),
    ]);
    return {
      nodes: rows.slice(0, args.first).map(toAuthoredAssessment),
      hasNextPage: rows.length > args.first,
      totalCount,
      cursorOf: (assessment) => cursor.encode(ORGANIZATION_ASSESSMENT_POSITION, assessment.slug),
    };
  }
}

function kindOf(content: VersionContent): AssessmentKind {
  return new Set(content.items.flatMap(measuredSkills)).size === 1 ? "SKILL" : "COMPOSITE";
}

async function assertSlugFree(
  manager: EntityManager,
  organizationId: string,
  slug: string,
): Promise<void> {
  const rows: { builtIn: boolean }[] = await manager.query(
    `SELECT organization_id IS NULL AS "builtIn" FROM assessment
      WHERE slug = $1 AND (organization_id IS NULL OR organization_id = $2)`,
    [slug, organizationId],
  );
  if (rows.some((row) => row.builtIn)) {
    throw invalidInput([{ path: "input.slug", message: `"${slug}" is a built-in assessment` }]);
  }
  if (rows.length > 0) throw slugTaken();
}

function slugTaken() {
  return invalidInput([
    {
      path: "input.slug",
      message: "is already used by another of your assessments (archived ones included)",
    },
  ]);
}

/** The organisation's assessment, locked against concurrent authoring; NOT_FOUND otherwise. */
async function lockOwn(
  manager: EntityManager,
  organizationId: string,
  slug: string,
): Promise<Assessment> {
  const assessment = await manager
    .getRepository(Assessment)
    .createQueryBuilder("a")
    .where("a.organization_id = :organizationId AND a.slug = :slug", { organizationId, slug })
    .setLock("pessimistic_write")
    .getOne();
  if (!assessment) {
    throw apiError(ERROR_CODES.NOT_FOUND, `Your organisation has no assessment "${slug}".`);
  }
  return assessment;
}

/** `path` names the slug argument of the calling mutation. */
function assertNotArchived(assessment: Assessment, path: string): void {
  if (assessment.archivedAt !== null) {
    throw invalidInput([{ path, message: "is archived and can no longer change" }]);
  }
}

async function latestVersion(
  manager: EntityManager,
  assessmentId: string,
): Promise<{ id: string; version: number; status: VersionStatus } | undefined> {
  const [row]: { id: string; version: number; status: VersionStatus }[] = await manager.query(
    `SELECT id, version, status FROM assessment_version
      WHERE assessment_id = $1 ORDER BY version DESC LIMIT 1`,
    [assessmentId],
  );
  return row;
}

async function reload(manager: EntityManager, id: string): Promise<AuthoredAssessment> {
  return toAuthoredAssessment(await manager.getRepository(Assessment).findOneByOrFail({ id }));
}
