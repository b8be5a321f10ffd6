import { pino, type Logger } from "pino";
import type { Config } from "./config/index.js";

/**
 * The process-wide structured logger: JSON lines on stdout for the server, on stderr for the CLI
 * (whose stdout carries results, such as `--json` output).
 */
export function createLogger(
  config: Pick<Config, "logLevel">,
  stream: "stdout" | "stderr" = "stdout",
): Logger {
  return pino(
    {
      name: "real-skills-api",
      level: config.logLevel,
      redact: ["req.headers.authorization", "req.headers.cookie"],
    },
    pino.destination(stream === "stdout" ? 1 : 2),
  );
}
