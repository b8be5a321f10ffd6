import { ERROR_CODES, type ApiKeyRole } from "@real-skills/shared";
import type { DataSource, EntityManager } from "typeorm";
import { ApiKey } from "../../auth/api-key.entity.js";
import type { OrganizationPrincipal } from "../../auth/principal.js";
import { newApiKey } from "../../auth/secrets.js";
import { apiError } from "../../common/errors.js";
import { invalidInput } from "../../common/problems.js";
import { recordAudit } from "../audit/index.js";
import { isUuid } from "../../common/uuid.js";

/** An API key just created, with the clear key: shown once, never stored. */
export interface CreatedApiKeyResult {
  row: ApiKey;
  key: string;
}

/**
 * An organisation's API keys. Another organisation's key ids behave exactly like unknown ones.
 * Revoking takes effect on the next request: the authenticator looks every key up, uncached.
 */
export class ApiKeyService {
  constructor(private readonly dataSource: DataSource) {}

  /** Every key of the organisation, revoked ones included, newest first. */
  list(organizationId: string): Promise<ApiKey[]> {
    return this.dataSource
      .getRepository(ApiKey)
      .find({ where: { organizationId }, order: { createdAt: "DESC", id: "DESC" } });
  }

  async create(
    actor: OrganizationPrincipal,
    input: { name: string; role: ApiKeyRole },
  ): Promise<CreatedApiKeyResult> {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 100) {
      throw invalidInput([{ path: "input.name", message: "must be 1–100 characters" }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const created = await insertApiKey(manager, actor.organizationId, name, input.role);
      await recordAudit(manager, actor, {
        action: "api_key.create",
        targetType: "api_key",
        targetId: created.row.id,
        details: { name, role: input.role, prefix: created.row.prefix },
      });
      return created;
    });
  }

  /** Revokes a key (a key may revoke itself). Revoking a revoked key changes nothing. */
  async revoke(actor: OrganizationPrincipal, id: string): Promise<ApiKey> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ApiKey);
      const key = isUuid(id)
        ? await repository.findOne({
            where: { id, organizationId: actor.organizationId },
            lock: { mode: "pessimistic_write" },
          })
        : null;
      if (!key)
        throw apiError(ERROR_CODES.NOT_FOUND, "Your organisation has no API key with this id.");
      if (key.revokedAt === null) {
        await manager.query(`UPDATE api_key SET revoked_at = now() WHERE id = $1`, [key.id]);
      }
      await recordAudit(manager, actor, {
        action: "api_key.revoke",
        targetType: "api_key",
        targetId: key.id,
        details: { name: key.name, alreadyRevoked: key.revokedAt !== null },
      });
      return repository.findOneByOrFail({ id: key.id });
    });
  }
}

/** Inserts an API key and returns it with the clear key, which is never stored. */
export async function insertApiKey(
  manager: EntityManager,
  organizationId: string,
  name: string,
  role: ApiKeyRole,
): Promise<CreatedApiKeyResult> {
  const { key, prefix, hash } = newApiKey();
  const repository = manager.getRepository(ApiKey);
  const { id } = await repository.save(
    repository.create({ organizationId, name, role, prefix, secretHash: hash }),
  );
  return { row: await repository.findOneByOrFail({ id }), key };
}
