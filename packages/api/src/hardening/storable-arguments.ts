import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { badInput } from "../common/errors.js";
import { isStorableText } from "../common/storable-text.js";

/**
 * Makes every field with a String or ID anywhere in its arguments refuse text the database
 * cannot store (see {@link isStorableText}) before its resolver runs: BAD_USER_INPUT naming the
 * argument, e.g. `input.items[0].prompt.en`. Without it such text failed in the database as
 * INTERNAL_SERVER_ERROR, or was stored with U+FFFD in place of a surrogate. Fields without text
 * arguments keep their resolvers untouched, so reading a large result costs nothing more.
 */
export function refuseUnstorableText(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.some((arg) => holdsText(arg.type, new Set()))) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        for (const arg of field.args) checkText(arg.type, args[arg.name], arg.name);
        return resolve(source, args, context, info);
      };
    }
  }
}

function holdsText(type: GraphQLInputType, seen: Set<string>): boolean {
  const named = getNamedType(type);
  if (named.name === "String" || named.name === "ID") return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => holdsText(field.type, seen));
}

/** Walks a coerced argument value along its type; `path` names where it is. */
function checkText(type: GraphQLInputType, value: unknown, path: string): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable) && Array.isArray(value)) {
    value.forEach((item: unknown, index) => {
      checkText(nullable.ofType, item, `${path}[${index}]`);
    });
  } else if (isInputObjectType(nullable)) {
    const fields = value as Record<string, unknown>;
    for (const field of Object.values(nullable.getFields())) {
      checkText(field.type, fields[field.name], `${path}.${field.name}`);
    }
  } else if (typeof value === "string" && !isStorableText(value)) {
    throw badInput(path, "must not contain a NUL character or an unpaired UTF-16 surrogate");
  }
}
