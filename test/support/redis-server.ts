import { spawn } from "node:child_process";
import { freePort } from "./stack.js";

/**
 * A Redis server of the suite's own, on a free port, keeping nothing on disk: Debian's
 * `redis-server` (package redis-server).
 */
export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.once("error", (error) => {
      reject(
        new Error(`redis-server could not start (install Debian's redis-server): ${error.message}`),
      );
    });
    child.once("exit", (code) => {
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) resolve();
    });
  });
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      resolve();
    }),
  );
  return {
    url: `redis://127.0.0.1:${port}`,
    stop() {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
