import { isSlug, type ApiKeyRole } from "@real-skills/shared";
import type { DataSource, EntityManager } from "typeorm";
import { ApiKey } from "../../auth/api-key.entity.js";
import { EmbedKey } from "../../auth/embed-key.entity.js";
import { newApiKey, newHs256Secret, newKid } from "../../auth/secrets.js";
import { Organization } from "./organization.entity.js";

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
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export class OrganizationService {
  constructor(private readonly dataSource: DataSource) {}

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
      const apiKey = await createApiKey(manager, organization.id, "Initial admin key", "ADMIN");
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

  byId(id: string): Promise<Organization | null> {
    return this.dataSource.getRepository(Organization).findOneBy({ id });
  }

  /** The organisation with this id or slug, for operator commands. */
  findByIdOrSlug(idOrSlug: string): Promise<Organization | null> {
    const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
    return this.dataSource
      .getRepository(Organization)
      .findOneBy(isUuid ? { id: idOrSlug } : { slug: idOrSlug });
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

/** Inserts an API key and returns it with the clear key, which is never stored. */
export async function createApiKey(
  manager: EntityManager,
  organizationId: string,
  name: string,
  role: ApiKeyRole,
): Promise<{ row: ApiKey; key: string }> {
  const { key, prefix, hash } = newApiKey();
  const row = await manager
    .getRepository(ApiKey)
    .save(
      manager
        .getRepository(ApiKey)
        .create({ organizationId, name, role, prefix, secretHash: hash }),
    );
  return { row, key };
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
