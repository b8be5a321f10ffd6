import { isSlug, type Locale } from "@real-skills/shared";
import { announcer, type ChangeSink } from "../../caching/change-notices.js";
import type { DataSource } from "typeorm";
import { EmbedKey } from "../../auth/embed-key.entity.js";
import type { OrganizationPrincipal } from "../../auth/principal.js";
import { newHs256Secret, newKid } from "../../auth/secrets.js";
import { recordAudit } from "../audit/index.js";
import { insertApiKey } from "./api-key.service.js";
import { Organization } from "./organization.entity.js";
import { isUuid } from "../../common/uuid.js";

export interface CreatedOrganization {
  organization: Organization;
  /** The first ADMIN API key, in clear: shown once, never stored. */
  apiKey: string;
  embedKey: { kid: string; secret: string };
}

/** Thrown for an organisation that cannot be created as asked; `field` names the culprit. */
export class OrganizationInputError extends Error {
  override name = "OrganizationInputError";

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** The settings an update changes; absent fields stay as they are. */
export interface SettingsPatch {
  name?: string;
  allowedOrigins?: string[];
  minGroupSize?: number;
  retakeCooldownDays?: number;
  defaultLocale?: Locale;
}

export class OrganizationService {
  constructor(
    private readonly dataSource: DataSource,
    /** Told after allowed origins or the default locale change: instances cache them with keys. */
    private readonly changes: ChangeSink = announcer(dataSource),
  ) {}

  /** Creates an organisation with its first ADMIN API key and an HS256 embed key, atomically. */
  async create(input: {
    name: string;
    slug?: string;
    origins: string[];
  }): Promise<CreatedOrganization> {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) {
      throw new OrganizationInputError("name", "must be 1–200 characters");
    }
    const slug = input.slug ?? slugify(name);
    if (!isSlug(slug)) {
      throw new OrganizationInputError("slug", "must be lower-case words joined by hyphens");
    }
    const origins = input.origins.map((origin, index) =>
      normalizeOrigin(origin, `origin[${index}]`),
    );
    return this.dataSource.transaction(async (manager) => {
      const taken = await manager.getRepository(Organization).existsBy({ slug });
      if (taken) throw new OrganizationInputError("slug", `"${slug}" is already taken`);
      const organization = await manager
        .getRepository(Organization)
        .save(manager.getRepository(Organization).create({ name, slug, allowedOrigins: origins }));
      const apiKey = await insertApiKey(manager, organization.id, "Initial admin key", "ADMIN");
      const kid = newKid();
      const secret = newHs256Secret();
      await manager.getRepository(EmbedKey).insert({
        organizationId: organization.id,
        kid,
        algorithm: "HS256",
        secret,
      });
      const stored = await manager
        .getRepository(Organization)
        .findOneByOrFail({ id: organization.id });
      return { organization: stored, apiKey: apiKey.key, embedKey: { kid, secret } };
    });
  }

  /**
   * Applies checked settings (see `parseSettingsInput`) to the actor's organisation and records
   * what changed, old and new values, in the audit log.
   */
  async updateSettings(actor: OrganizationPrincipal, patch: SettingsPatch): Promise<Organization> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Organization);
      const before = await repository.findOneOrFail({
        where: { id: actor.organizationId },
        lock: { mode: "pessimistic_write" },
      });
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of Object.keys(patch) as (keyof SettingsPatch)[]) {
        if (!sameValue(before[field], patch[field])) {
          changes[field] = { from: before[field], to: patch[field] };
        }
      }
      if (Object.keys(changes).length > 0) {
        await repository.update({ id: before.id }, patch);
        await manager.query(`UPDATE organization SET updated_at = now() WHERE id = $1`, [
          before.id,
        ]);
      }
      await recordAudit(manager, actor, {
        action: "organization.update_settings",
        targetType: "organization",
        targetId: before.id,
        details: { changes },
      });
      return repository.findOneByOrFail({ id: before.id });
    });
    await this.changes.changed({ kind: "access", organizationId: actor.organizationId });
    return updated;
  }

  byId(id: string): Promise<Organization | null> {
    return this.dataSource.getRepository(Organization).findOneBy({ id });
  }

  /** The organisation with this id or slug, for operator commands. */
  findByIdOrSlug(idOrSlug: string): Promise<Organization | null> {
    return this.dataSource
      .getRepository(Organization)
      .findOneBy(isUuid(idOrSlug) ? { id: idOrSlug } : { slug: idOrSlug });
  }

  /** Adds origins to an organisation's allowed list (operator commands); known ones stay once. */
  async addOrigins(organizationId: string, origins: readonly string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE organization
          SET allowed_origins = ARRAY(SELECT DISTINCT unnest(allowed_origins || $2::text[]) ORDER BY 1),
              updated_at = now()
        WHERE id = $1 AND NOT allowed_origins @> $2::text[]`,
      [organizationId, origins],
    );
    await this.changes.changed({ kind: "access", organizationId });
  }

  /** The newest usable HS256 embed key of an organisation, for minting development tokens. */
  currentHs256Key(organizationId: string): Promise<EmbedKey | null> {
    return this.dataSource
      .getRepository(EmbedKey)
      .createQueryBuilder("k")
      .where("k.organization_id = :organizationId AND k.algorithm = 'HS256'", { organizationId })
      .andWhere("k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())")
      .orderBy("k.created_at", "DESC")
      .getOne();
  }
}

/**
 * An origin exactly as browsers send it: scheme, host and port only (`https://intranet.example.com`).
 */
export function normalizeOrigin(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OrganizationInputError(field, `"${value}" is not a URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new OrganizationInputError(field, "must be an http or https origin");
  }
  if (url.pathname !== "/" || url.search || url.hash || url.username || url.password) {
    throw new OrganizationInputError(
      field,
      `"${value}" must be an origin only, e.g. ${url.origin}`,
    );
  }
  return url.origin;
}

function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
