import { readFile } from "node:fs/promises";
import { CONFIG_VARIABLES, ConfigError, loadConfig } from "../config/index.js";

describe("loadConfig", () => {
  it("uses the documented defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      databaseUrl: undefined,
      logLevel: "info",
      migrateOnStart: true,
    });
    expect(config.dataDir.endsWith(".data")).toBe(true);
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: "" })).toMatchObject({
      port: 4000,
      databaseUrl: undefined,
    });
  });

  it.each([
    [{ PORT: "eighty" }, /PORT must be a number \(got "eighty"\)/],
    [{ PORT: "70000" }, /PORT must be between 0 and 65535/],
    [{ DATABASE_URL: "mysql://localhost/db" }, /DATABASE_URL must be a postgres:\/\//],
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL must be one of/],
    [{ MIGRATE_ON_START: "maybe" }, /MIGRATE_ON_START must be true or false/],
    [
      { REDIS_URL: "http://cache.internal:6379" },
      /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/,
    ],
    [{ REQUEST_TIMEOUT_MS: "10" }, /REQUEST_TIMEOUT_MS must be at least 1000/],
  ])("stops on %j with a message naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("lists every bad variable at once", () => {
    expect(() => loadConfig({ PORT: "x", DB_POOL_SIZE: "0" })).toThrow(/PORT[\s\S]*DB_POOL_SIZE/);
  });
});

describe("docs/operations.md", () => {
  it("documents every variable the API reads, and none it does not read", async () => {
    const operations = await readFile(
      new URL("../../../../docs/operations.md", import.meta.url),
      "utf8",
    );
    const documented = [...operations.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((match) => match[1]);
    expect([...documented].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });
});
