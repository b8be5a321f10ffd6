import { decodeCursor, encodeCursor } from "../../common/connection.js";
import { isUuid } from "../../common/uuid.js";

/** The sort key of an audit entry: its time in microseconds since the epoch (exact), and its id. */
export interface AuditPosition {
  micros: string;
  id: string;
}

/**
 * Opaque keyset cursors of the audit log. The time is kept in whole microseconds, as PostgreSQL
 * stores it: a JavaScript `Date` has milliseconds only and would skip or repeat entries.
 */
export const auditCursor = {
  encode(position: AuditPosition): string {
    return encodeCursor([position.micros, position.id]);
  },
  decode(value: string, field = "after"): AuditPosition {
    return decodeCursor(value, field, ([micros, id, ...rest]) =>
      typeof micros === "string" &&
      /^\d{1,20}$/.test(micros) &&
      typeof id === "string" &&
      isUuid(id) &&
      rest.length === 0
        ? { micros, id }
        : undefined,
    );
  },
};
