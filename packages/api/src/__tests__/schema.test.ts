import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { isEnumType, isInputObjectType, isObjectType, printSchema } from "graphql";
import { createSchema } from "../schema.js";

const schema = await createSchema();

describe("the schema", () => {
  it("describes every type, field, argument and enum value", () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (
        type.name.startsWith("__") ||
        ["String", "Int", "Boolean", "ID", "Float"].includes(type.name)
      ) {
        continue;
      }
      if (!type.description) missing.push(type.name);
      if (isObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (!value.description) missing.push(`${type.name}.${value.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("never exposes scoring details", () => {
    const printed = printSchema(schema);
    expect(printed).not.toMatch(/\bweights?\b|reverseKeyed|contentHash/);
  });

  it("matches the committed schema.graphql", async () => {
    const committed = await readFile(
      fileURLToPath(new URL("../../schema.graphql", import.meta.url)),
      "utf8",
    );
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });
});
