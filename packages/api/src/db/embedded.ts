import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createServer, type Server } from "node:net";
import { PGLiteSocketHandler } from "@electric-sql/pglite-socket";
import { PgliteSessionQueue } from "./pglite-session-queue.js";

/**
 * The embedded PostgreSQL (PGlite) behind a local socket, so that the same `pg` driver, TypeORM
 * and SQL serve both the embedded database and a real server.
 *
 * PGlite is one process's database: a lock file in the data folder records which process owns
 * it and on which port its socket listens. A second process (an operator command while the
 * server runs) connects through the owner's socket instead of opening the files twice.
 */
export interface EmbeddedDatabase {
  /** A `postgres://` URL for the `pg` driver. */
  url: string;
  /** Whether this process owns the database (and so must close it). */
  owner: boolean;
  close(): Promise<void>;
}

interface LockFile {
  pid: number;
  port: number;
}

const LOCK_FILE = "realskills.lock";

export async function openEmbeddedDatabase(options: {
  /** Folder to persist into; `null` keeps everything in memory (tests). */
  dataDir: string | null;
  maxConnections: number;
  /** Join a database another live process already serves, instead of failing. */
  shareRunning: boolean;
}): Promise<EmbeddedDatabase> {
  const lockPath = options.dataDir === null ? null : path.join(options.dataDir, LOCK_FILE);
  if (options.dataDir !== null && lockPath !== null) {
    await mkdir(options.dataDir, { recursive: true });
    const running = await readLiveLock(lockPath);
    if (running) {
      if (!options.shareRunning) {
        throw new Error(
          `The embedded database in ${options.dataDir} is in use by process ${running.pid}. ` +
            "Stop that process, or use another DATA_DIR.",
        );
      }
      return { url: socketUrl(running.port), owner: false, close: () => Promise.resolve() };
    }
  }

  const db = await PGlite.create(
    options.dataDir === null ? {} : { dataDir: path.join(options.dataDir, "pglite") },
  );
  const server = await serveSocket(db, options.maxConnections);
  const port = (server.address() as { port: number }).port;
  if (lockPath !== null) {
    const lock: LockFile = { pid: process.pid, port };
    await writeFile(lockPath, JSON.stringify(lock));
  }
  return {
    url: socketUrl(port),
    owner: true,
    async close() {
      await server.stop();
      await db.close();
      if (lockPath !== null) await rm(lockPath, { force: true });
    },
  };
}

/**
 * pglite-socket's connection handlers on a server of our own, sharing one
 * {@link PgliteSessionQueue} instead of the library's queue (see there why).
 */
async function serveSocket(db: PGlite, maxConnections: number) {
  // The handler only calls the queue's public methods; its declared type has private fields.
  const queryQueue = new PgliteSessionQueue(db) as unknown as ConstructorParameters<
    typeof PGLiteSocketHandler
  >[0]["queryQueue"];
  const handlers = new Set<PGLiteSocketHandler>();
  const server: Server = createServer((socket) => {
    if (handlers.size >= maxConnections) {
      socket.end("Too many connections\n");
      return;
    }
    const handler = new PGLiteSocketHandler({ queryQueue, closeOnDetach: true });
    handlers.add(handler);
    for (const event of ["close", "error"]) {
      handler.addEventListener(event, () => handlers.delete(handler));
    }
    handler.attach(socket).catch(() => {
      handlers.delete(handler);
      socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      resolve();
    });
  });
  return {
    address: () => server.address(),
    async stop() {
      await Promise.all([...handlers].map((handler) => handler.detach(true)));
      handlers.clear();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}

function socketUrl(port: number): string {
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

/** The lock's contents when its process is still alive; a stale lock is ignored. */
async function readLiveLock(lockPath: string): Promise<LockFile | undefined> {
  let lock: LockFile;
  try {
    lock = JSON.parse(await readFile(lockPath, "utf8")) as LockFile;
  } catch {
    return undefined;
  }
  if (lock.pid === process.pid) return undefined;
  try {
    process.kill(lock.pid, 0);
    return lock;
  } catch {
    return undefined;
  }
}
