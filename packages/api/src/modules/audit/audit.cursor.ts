import { badInput } from "../../common/errors.js";

/** The sort key of an audit entry: its time in microseconds since the epoch (exact), and its id. */
export interface AuditPosition {
  micros: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Opaque keyset cursors of the audit log. The time is kept in whole microseconds, as PostgreSQL
 * stores it: a JavaScript `Date` has milliseconds only and would skip or repeat entries.
 */
export const auditCursor = {
  encode(position: AuditPosition): string {
    return Buffer.from(JSON.stringify([position.micros, position.id])).toString("base64url");
  },
  decode(value: string, field = "after"): AuditPosition {
    try {
      const decoded: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
      if (
        Array.isArray(decoded) &&
        decoded.length === 2 &&
        typeof decoded[0] === "string" &&
        /^\d{1,20}$/.test(decoded[0]) &&
        typeof decoded[1] === "string" &&
        UUID.test(decoded[1])
      ) {
        return { micros: decoded[0], id: decoded[1] };
      }
    } catch {
      // Falls through: a cursor is opaque, so any decoding failure is bad input.
    }
    throw badInput(field, "is not a cursor returned by this API");
  },
};
