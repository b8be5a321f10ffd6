export { CONFIG_VARIABLES, ConfigError, loadConfig } from "./config.js";
export type { Config } from "./config.js";
