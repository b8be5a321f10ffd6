const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` can be a row id. Anything else is unknown without asking the database. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
