const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether PostgreSQL can store `text` exactly: its text and jsonb types refuse NUL, and UTF-8
 * has no encoding for an unpaired UTF-16 surrogate (the driver would send U+FFFD in its place,
 * and jsonb refuses its `\u` escape). JSON and GraphQL strings can carry both as escapes, so
 * every string from a request is checked before it can reach the database.
 */
export function isStorableText(text: string): boolean {
  return !text.includes("\0") && !UNPAIRED_SURROGATE.test(text);
}
