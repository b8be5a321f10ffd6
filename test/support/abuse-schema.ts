import { randomUUID } from "node:crypto";

/**
 * The running API's schema as introspection tells it, reduced to what the abuse corpus needs:
 * the root fields with their arguments, the input types and the enums. Reading it from the API
 * (rather than a list in the test) means that a new field or argument is attacked the day it
 * appears.
 */
export interface ApiSchema {
  rootFields: RootField[];
  inputFields: ReadonlyMap<string, InputValue[]>;
  enumValues: ReadonlyMap<string, string[]>;
}

export interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}

export interface InputValue {
  name: string;
  type: TypeRef;
  defaultValue: string | null;
}

export interface RootField {
  operation: "query" | "mutation";
  name: string;
  args: InputValue[];
  /** Whether the field returns a scalar or an enum, so that it takes no selection. */
  returnsLeaf: boolean;
}

/** Where a String or ID sits in a field's arguments: names and list positions (always 0). */
export type ArgumentPath = readonly (string | number)[];

// Both documents stay within the API's depth limit of 8: a type reference three wrappers deep
// (`[ItemInput!]!`) is the deepest the schema has.
const TYPE_REF = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";
const ROOT_TYPE = `name fields { name args { name defaultValue type { ${TYPE_REF} } } type { ${TYPE_REF} } }`;
const ROOTS_DOCUMENT = `{ query: __type(name: "Query") { ${ROOT_TYPE} } mutation: __type(name: "Mutation") { ${ROOT_TYPE} } }`;
const TYPES_DOCUMENT = `{ __schema { types { kind name enumValues { name } inputFields { name defaultValue type { ${TYPE_REF} } } } } }`;

interface IntrospectedRoot {
  fields: { name: string; args: InputValue[]; type: TypeRef }[];
}

/** Reads the schema of the API at `apiUrl` through introspection, as any client could. */
export async function introspect(apiUrl: string): Promise<ApiSchema> {
  const roots = await introspection<{ query: IntrospectedRoot; mutation: IntrospectedRoot | null }>(
    apiUrl,
    ROOTS_DOCUMENT,
  );
  const types = await introspection<{
    __schema: {
      types: {
        kind: string;
        name: string;
        enumValues: { name: string }[] | null;
        inputFields: InputValue[] | null;
      }[];
    };
  }>(apiUrl, TYPES_DOCUMENT);
  const rootFields = (["query", "mutation"] as const).flatMap((operation) =>
    (roots[operation]?.fields ?? []).map((field) => ({
      operation,
      name: field.name,
      args: field.args,
      returnsLeaf: ["SCALAR", "ENUM"].includes(namedType(field.type).kind),
    })),
  );
  const all = types.__schema.types;
  return {
    rootFields,
    inputFields: new Map(all.flatMap((t) => (t.inputFields ? [[t.name, t.inputFields]] : []))),
    enumValues: new Map(
      all.flatMap((t) => (t.enumValues ? [[t.name, t.enumValues.map((v) => v.name)]] : [])),
    ),
  };
}

async function introspection<T>(apiUrl: string, query: string): Promise<T> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`introspection failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * Every place in a field's arguments where a String or ID goes: the arguments themselves and the
 * fields of input objects at any depth, lists included (at their first position).
 */
export function textArgumentPaths(schema: ApiSchema, field: RootField): ArgumentPath[] {
  const paths: ArgumentPath[] = [];
  const walk = (type: TypeRef, path: ArgumentPath, seen: ReadonlySet<string>): void => {
    if (type.kind === "NON_NULL" && type.ofType) {
      walk(type.ofType, path, seen);
    } else if (type.kind === "LIST" && type.ofType) {
      walk(type.ofType, [...path, 0], seen);
    } else if (type.kind === "SCALAR" && (type.name === "String" || type.name === "ID")) {
      paths.push(path);
    } else if (type.kind === "INPUT_OBJECT" && type.name && !seen.has(type.name)) {
      for (const input of schema.inputFields.get(type.name) ?? []) {
        walk(input.type, [...path, input.name], new Set([...seen, type.name]));
      }
    }
  };
  for (const arg of field.args) walk(arg.type, [arg.name], new Set());
  return paths;
}

/** `input.items[].prompt.en`: a path as people write it. */
export function pathLabel(path: ArgumentPath): string {
  return path
    .map((step, i) => (typeof step === "number" ? "[]" : i === 0 ? step : `.${step}`))
    .join("");
}

/**
 * A value of `type` that passes GraphQL's checks: "x" for a String, a random UUID for an ID, 1,
 * false, an enum's first value, and input objects with their required fields (those without a
 * default) filled the same way.
 */
export function plausibleValue(schema: ApiSchema, type: TypeRef): unknown {
  if ((type.kind === "NON_NULL" || type.kind === "LIST") && type.ofType) {
    const inner = plausibleValue(schema, type.ofType);
    return type.kind === "LIST" ? [inner] : inner;
  }
  switch (type.kind) {
    case "ENUM":
      return schema.enumValues.get(type.name ?? "")?.[0];
    case "INPUT_OBJECT":
      return requiredFields(schema, schema.inputFields.get(type.name ?? "") ?? []);
    default:
      return PLAUSIBLE_SCALARS[type.name ?? ""]?.() ?? "x";
  }
}

const PLAUSIBLE_SCALARS: Partial<Record<string, () => unknown>> = {
  ID: () => randomUUID(),
  Int: () => 1,
  Float: () => 1,
  Boolean: () => false,
  DateTimeISO: () => new Date().toISOString(),
  JSONObject: () => ({}),
};

/** The arguments (or input fields) that must be given: non-null and without a default. */
export function requiredFields(
  schema: ApiSchema,
  inputs: readonly InputValue[],
): Record<string, unknown> {
  return Object.fromEntries(
    inputs
      .filter((input) => input.type.kind === "NON_NULL" && input.defaultValue === null)
      .map((input) => [input.name, plausibleValue(schema, input.type)]),
  );
}

/**
 * A copy of `args` with `value` at `path`. Objects and lists on the way are created when missing;
 * in a list the first element that already has the next name is taken (the first LIKERT item for
 * `items[].skill`), else the first.
 */
export function withValueAt(
  schema: ApiSchema,
  field: RootField,
  args: Record<string, unknown>,
  path: ArgumentPath,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(args);
  let container: Record<string | number, unknown> = copy;
  let inputs: readonly InputValue[] = field.args;
  let type: TypeRef | null = null;
  path.forEach((step, index) => {
    const last = index === path.length - 1;
    if (typeof step === "string") {
      type = inputs.find((input) => input.name === step)?.type ?? null;
    } else {
      const next = path[index + 1];
      const found = (container as unknown as unknown[]).findIndex(
        (element) => typeof next === "string" && isRecord(element) && next in element,
      );
      step = Math.max(found, 0);
      type = type && unwrapNonNull(type).ofType;
    }
    if (last) {
      container[step] = value;
      return;
    }
    const named = type ? unwrapNonNull(type) : null;
    if (container[step] === undefined || container[step] === null) {
      container[step] = named?.kind === "LIST" ? [] : named ? plausibleValue(schema, named) : {};
    }
    container = container[step] as Record<string | number, unknown>;
    if (named?.kind === "INPUT_OBJECT") inputs = schema.inputFields.get(named.name ?? "") ?? [];
    if (named?.kind !== "LIST") type = named;
  });
  return copy;
}

/**
 * The document that calls `field` with `args`, each argument as a variable of its declared type
 * (so that every value travels as JSON), selecting just `__typename` of an object result.
 */
export function operationFor(field: RootField, args: Record<string, unknown>): string {
  const given = field.args.filter((arg) => arg.name in args);
  const declarations = given.map((arg) => `$${arg.name}: ${typeText(arg.type)}`).join(", ");
  const passed = given.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  return [
    field.operation,
    "Abuse",
    declarations ? `(${declarations})` : "",
    `{ ${field.name}${passed ? `(${passed})` : ""}${field.returnsLeaf ? "" : " { __typename }"} }`,
  ].join(" ");
}

function typeText(type: TypeRef): string {
  if (type.kind === "NON_NULL" && type.ofType) return `${typeText(type.ofType)}!`;
  if (type.kind === "LIST" && type.ofType) return `[${typeText(type.ofType)}]`;
  return type.name ?? "";
}

function namedType(type: TypeRef): TypeRef {
  return type.ofType ? namedType(type.ofType) : type;
}

function unwrapNonNull(type: TypeRef): TypeRef {
  return type.kind === "NON_NULL" && type.ofType ? type.ofType : type;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
