// The demo "intranet": a dependency-free static server for this folder plus the built
// script-tag bundle. `startDemoServer()` is for tests and scripts; run the file directly for a
// standalone server (`DEMO_PORT`, default 4001; `API_URL`, default the local API).
import { createServer } from "node:http";
import { readFile, realpath } from "node:fs/promises";
import { extname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";

const DEMO_DIR = fileURLToPath(new URL(".", import.meta.url));
const DIST_DIR = fileURLToPath(new URL("../dist/", import.meta.url));
const DEFAULT_PORT = 4001;
const DEFAULT_API_URL = "http://localhost:4000/graphql";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

// The built bundle is the only file served from outside this folder.
const DIST_FILES = new Set(["/real-skills.js", "/real-skills.js.map"]);

/**
 * Starts the demo server. Resolves once it listens; `port: 0` picks a free port.
 * @param {{ port?: number, host?: string, apiUrl?: string }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startDemoServer({
  port = DEFAULT_PORT,
  host = "127.0.0.1",
  apiUrl = DEFAULT_API_URL,
} = {}) {
  const apiOrigin = new URL(apiUrl).origin; // Fails early on a malformed API_URL.
  const server = createServer((request, response) => {
    handle(request, response, { apiUrl, apiOrigin }).catch((error) => {
      console.error(error);
      if (!response.headersSent) send(response, 500, "Internal server error");
      else response.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const { port: actualPort } = server.address();
  return {
    // Browsers and CORS allowlists know the loopback address as "localhost".
    url: `http://${host === "127.0.0.1" ? "localhost" : host}:${actualPort}/`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve(undefined)));
        server.closeAllConnections();
      }),
  };
}

async function handle(request, response, { apiUrl, apiOrigin }) {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("Allow", "GET, HEAD");
    return send(response, 405, "Method not allowed");
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? "/", "http://demo").pathname);
  } catch {
    return send(response, 400, "Bad request");
  }
  if (pathname === "/") pathname = "/index.html";

  const file = await locate(pathname);
  const type = file && CONTENT_TYPES[extname(file)];
  if (!file || !type) {
    const hint = DIST_FILES.has(pathname) ? " (run `pnpm build` first)" : "";
    return send(response, 404, `Not found${hint}`);
  }

  let body = await readFile(file);
  if (file.endsWith(".html")) {
    // A function, so that `$` in the URL is taken literally rather than as a replacement pattern.
    const html = body.toString("utf8").replaceAll("%API_ENDPOINT%", () => escapeAttribute(apiUrl));
    body = Buffer.from(html);
    response.setHeader("Content-Security-Policy", contentSecurityPolicy(apiOrigin));
  }
  response.writeHead(200, {
    "Content-Type": type,
    "Content-Length": body.length,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  response.end(request.method === "HEAD" ? undefined : body);
}

/** The file for a URL path, or `undefined` when there is none inside the served folders. */
async function locate(pathname) {
  const root = DIST_FILES.has(pathname) ? DIST_DIR : DEMO_DIR;
  const candidate = join(root, pathname);
  // join() normalises `..`; whatever is left must still lie inside the root, links resolved.
  try {
    const [real, realRoot] = await Promise.all([realpath(candidate), realpath(root)]);
    return real.startsWith(realRoot + sep) ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * As strict as a careful customer's page: no inline scripts or styles, so the widget must get
 * by with its constructable style sheets and no `style` attributes.
 */
function contentSecurityPolicy(apiOrigin) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function escapeAttribute(value) {
  return value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
}

function send(response, status, text) {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  response.end(text);
}

/** True when this file is the program (`node demo/serve.mjs`), not an imported module. */
async function isMainModule() {
  if (!process.argv[1]) return false;
  try {
    return (await realpath(process.argv[1])) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (await isMainModule()) {
  const port = Number(process.env.DEMO_PORT ?? DEFAULT_PORT);
  const apiUrl = process.env.API_URL ?? DEFAULT_API_URL;
  const { url } = await startDemoServer({ port, apiUrl });
  console.log(`Demo intranet: ${url} (API: ${apiUrl})`);
}
