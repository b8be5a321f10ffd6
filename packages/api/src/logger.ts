import { pino, type Logger } from "pino";
import type { Config } from "./config/index.js";

/** The process-wide structured logger (JSON lines on stdout). */
export function createLogger(config: Pick<Config, "logLevel">): Logger {
  return pino({
    name: "real-skills-api",
    level: config.logLevel,
    redact: ["req.headers.authorization", "req.headers.cookie"],
  });
}
