/**
 * An enum object for type-graphql's `registerEnumType` from a closed list of string values,
 * each value mapping to itself, so GraphQL names and stored values are the same strings.
 */
export function asEnum<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}
