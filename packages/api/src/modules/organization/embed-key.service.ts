import { ERROR_CODES } from "@real-skills/shared";
import { announcer, type ChangeSink } from "../../caching/change-notices.js";
import type { DataSource, EntityManager } from "typeorm";
import type { EmbedKeyAlgorithm } from "../../auth/auth.enums.js";
import { EmbedKey } from "../../auth/embed-key.entity.js";
import type { OrganizationPrincipal } from "../../auth/principal.js";
import { newHs256Secret, newKid } from "../../auth/secrets.js";
import { apiError } from "../../common/errors.js";
import { invalidInput } from "../../common/problems.js";
import { recordAudit } from "../audit/index.js";
import { checkPublicKey } from "./embed-public-key.js";

/** An embed key just created; `secret` (HS256 only) is shown this once. */
export interface CreatedEmbedKeyResult {
  row: EmbedKey;
  secret: string | null;
}

export const OVERLAP_HOURS = { min: 1, max: 168, default: 24 } as const;

/**
 * An organisation's embed-token signing keys. A key is selected by its `kid`; another
 * organisation's kids behave exactly like unknown ones. Revocation and expiry take effect on the
 * next token: the verifier reads the key for every token.
 */
export class EmbedKeyService {
  constructor(
    private readonly dataSource: DataSource,
    /** Told after a rotation or revocation: every instance drops the keys it holds in memory. */
    private readonly changes: ChangeSink = announcer(dataSource),
  ) {}

  /** Every key of the organisation, revoked and expired ones included, newest first. */
  list(organizationId: string): Promise<EmbedKey[]> {
    return this.dataSource
      .getRepository(EmbedKey)
      .find({ where: { organizationId }, order: { createdAt: "DESC", kid: "DESC" } });
  }

  /** Registers a key: HS256 gets a secret from us; ES256 and RS256 need the caller's public key. */
  async create(
    actor: OrganizationPrincipal,
    input: { algorithm: EmbedKeyAlgorithm; publicKey?: string | null },
  ): Promise<CreatedEmbedKeyResult> {
    const publicKey = await keyMaterial(input.algorithm, input.publicKey);
    return this.dataSource.transaction(async (manager) => {
      const created = await insertEmbedKey(
        manager,
        actor.organizationId,
        input.algorithm,
        publicKey,
      );
      await recordAudit(manager, actor, {
        action: "embed_key.create",
        targetType: "embed_key",
        targetId: created.row.kid,
        details: { algorithm: input.algorithm },
      });
      return created;
    });
  }

  /**
   * Replaces a key by a new one of the same algorithm. The old key keeps verifying tokens for
   * `overlapHours`, so that tokens minted just before the switch stay valid until they expire.
   */
  async rotate(
    actor: OrganizationPrincipal,
    input: { kid: string; overlapHours: number; publicKey?: string | null },
  ): Promise<CreatedEmbedKeyResult & { previous: EmbedKey }> {
    const { overlapHours } = input;
    if (
      !Number.isInteger(overlapHours) ||
      overlapHours < OVERLAP_HOURS.min ||
      overlapHours > OVERLAP_HOURS.max
    ) {
      throw invalidInput([
        {
          path: "input.overlapHours",
          message: `must be ${OVERLAP_HOURS.min}–${OVERLAP_HOURS.max}`,
        },
      ]);
    }
    const rotated = await this.dataSource.transaction(async (manager) => {
      const previous = await lockOwn(manager, actor.organizationId, input.kid);
      if (previous.revokedAt !== null || (previous.expiresAt && previous.expiresAt <= new Date())) {
        throw invalidInput([
          { path: "input.kid", message: "is revoked or expired: create a new key instead" },
        ]);
      }
      const publicKey = await keyMaterial(previous.algorithm, input.publicKey);
      const created = await insertEmbedKey(
        manager,
        actor.organizationId,
        previous.algorithm,
        publicKey,
      );
      // An earlier expiry (from an earlier rotation) is kept.
      await manager.query(
        `UPDATE embed_key
            SET expires_at = LEAST(COALESCE(expires_at, 'infinity'), now() + $2::int * interval '1 hour')
          WHERE id = $1`,
        [previous.id, overlapHours],
      );
      const updated = await manager.getRepository(EmbedKey).findOneByOrFail({ id: previous.id });
      await recordAudit(manager, actor, {
        action: "embed_key.rotate",
        targetType: "embed_key",
        targetId: previous.kid,
        details: {
          newKid: created.row.kid,
          algorithm: previous.algorithm,
          overlapHours,
          expiresAt: updated.expiresAt?.toISOString() ?? null,
        },
      });
      return { ...created, previous: updated };
    });
    await this.changes.changed({ kind: "access", organizationId: actor.organizationId });
    return rotated;
  }

  /** Revokes a key at once: tokens signed with it stop working. Revoking twice changes nothing. */
  async revoke(actor: OrganizationPrincipal, kid: string): Promise<EmbedKey> {
    const revoked = await this.dataSource.transaction(async (manager) => {
      const key = await lockOwn(manager, actor.organizationId, kid);
      if (key.revokedAt === null) {
        await manager.query(`UPDATE embed_key SET revoked_at = now() WHERE id = $1`, [key.id]);
      }
      await recordAudit(manager, actor, {
        action: "embed_key.revoke",
        targetType: "embed_key",
        targetId: key.kid,
        details: { algorithm: key.algorithm, alreadyRevoked: key.revokedAt !== null },
      });
      return manager.getRepository(EmbedKey).findOneByOrFail({ id: key.id });
    });
    await this.changes.changed({ kind: "access", organizationId: actor.organizationId });
    return revoked;
  }
}

/** Inserts a key with a new kid; for HS256 with a new secret, returned in clear this once. */
export async function insertEmbedKey(
  manager: EntityManager,
  organizationId: string,
  algorithm: EmbedKeyAlgorithm,
  publicKey: string | null,
): Promise<CreatedEmbedKeyResult> {
  const secret = algorithm === "HS256" ? newHs256Secret() : null;
  const repository = manager.getRepository(EmbedKey);
  const { id } = await repository.save(
    repository.create({ organizationId, kid: newKid(), algorithm, secret, publicKey }),
  );
  return { row: await repository.findOneByOrFail({ id }), secret };
}

/** The public key to store: none for HS256, a checked PEM for ES256 and RS256. */
async function keyMaterial(
  algorithm: EmbedKeyAlgorithm,
  publicKey: string | null | undefined,
): Promise<string | null> {
  const given = publicKey ?? null;
  if (algorithm === "HS256") {
    if (given === null) return null;
    throw invalidInput([
      { path: "input.publicKey", message: "must be left out for HS256: we issue the secret" },
    ]);
  }
  if (given === null) {
    throw invalidInput([{ path: "input.publicKey", message: `is required for ${algorithm}` }]);
  }
  const checked = await checkPublicKey(given, algorithm);
  if ("problem" in checked)
    throw invalidInput([{ path: "input.publicKey", message: checked.problem }]);
  return checked.pem;
}

async function lockOwn(
  manager: EntityManager,
  organizationId: string,
  kid: string,
): Promise<EmbedKey> {
  const key = await manager.getRepository(EmbedKey).findOne({
    where: { kid, organizationId },
    lock: { mode: "pessimistic_write" },
  });
  if (!key)
    throw apiError(ERROR_CODES.NOT_FOUND, "Your organisation has no embed key with this kid.");
  return key;
}
