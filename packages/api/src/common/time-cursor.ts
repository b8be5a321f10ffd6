import { decodeCursor, encodeCursor } from "./connection.js";
import { isUuid } from "./uuid.js";

/** The sort key of a row listed newest first: its time in microseconds since the epoch (exact), and its id. */
export interface TimePosition {
  micros: string;
  id: string;
}

/**
 * Opaque keyset cursors of lists ordered by time, such as the audit log and attempts. The time is kept in whole microseconds, as PostgreSQL
 * stores it: a JavaScript `Date` has milliseconds only and would skip or repeat entries.
 */
export const timeCursor = {
  encode(position: TimePosition): string {
    return encodeCursor([position.micros, position.id]);
  },
  decode(value: string, field = "after"): TimePosition {
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
