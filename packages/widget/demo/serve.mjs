// The demo "intranet": a static server for this folder plus the built script-tag bundle, and
// the intranet's own backend route that mints embed tokens for the signed-in employee.
// `startDemoServer()` is for tests and scripts; run the file directly for a standalone server
// (`DEMO_PORT`, default 4001; `API_URL`, default the local API; `EMBED_KID` and
// `EMBED_SECRET`, an organisation's HS256 embed key, to let the demo employee sign in).
import { createServer } from "node:http";
import { readFile, realpath } from "node:fs/promises";
import { extname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { SignJWT } from "jose";

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

const TOKEN_PATH = "/api/real-skills-token";
const TOKEN_TTL_SECONDS = 15 * 60;
const DEFAULT_SUBJECT = "demo-employee-1";
const DEFAULT_ANALYST = "demo-analyst-1";
// Analysts read the HR page's aggregate report (<rs-team-report>); employees their own results.
const ROLES = new Set(["employee", "analyst"]);
// Pseudonymous ids only: what a real intranet would send instead of a name or an email address.
const SUBJECT_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const MAX_TOKEN_REQUEST_BYTES = 1024;

/**
 * Starts the demo server. Resolves once it listens; `port: 0` picks a free port. With an
 * `embedKey` (an organisation's HS256 key, as `realskills org create` prints it) the page's
 * employee can sign in and take assessments; without one the page shows the library only.
 * @param {{ port?: number, host?: string, apiUrl?: string, embedKey?: { kid: string, secret: string } }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startDemoServer({
  port = DEFAULT_PORT,
  host = "127.0.0.1",
  apiUrl = DEFAULT_API_URL,
  embedKey,
} = {}) {
  const apiOrigin = new URL(apiUrl).origin; // Fails early on a malformed API_URL.
  const signingKey = embedKey && {
    kid: embedKey.kid,
    secret: Buffer.from(embedKey.secret, "base64url"),
  };
  const server = createServer((request, response) => {
    handle(request, response, { apiUrl, apiOrigin, signingKey }).catch((error) => {
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

async function handle(request, response, { apiUrl, apiOrigin, signingKey }) {
  if (request.url === TOKEN_PATH) return mintToken(request, response, signingKey);
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
    const html = body
      .toString("utf8")
      .replaceAll("%API_ENDPOINT%", () => escapeAttribute(apiUrl))
      // The page asks for tokens only when this server can mint them.
      .replaceAll("%TOKEN_ENDPOINT%", signingKey ? TOKEN_PATH : "");
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

/**
 * The intranet backend's token route: an embed token for the employee signed in to the
 * intranet. A real intranet takes the employee from its own session; the demo has no sign-in,
 * so it uses a fixed demo employee, or the pseudonymous `subject` in the JSON body (tests use a
 * fresh one each), and the `role` the page asks for (`analyst` on the HR page). A real backend
 * takes the role from its own records of who may see HR reports, never from the page. Requiring a JSON body keeps other sites from calling it: a cross-origin
 * JSON POST needs a preflight, which this server never approves.
 */
async function mintToken(request, response, signingKey) {
  if (request.method !== "POST") {
    response.setHeader("Allow", "POST");
    return send(response, 405, "Method not allowed");
  }
  if (!signingKey) return send(response, 404, "Sign-in is not set up (no embed key)");
  if (!/^application\/json\b/i.test(request.headers["content-type"] ?? "")) {
    return send(response, 415, "Send a JSON body");
  }
  let body;
  try {
    body = JSON.parse((await readBody(request, MAX_TOKEN_REQUEST_BYTES)) || "{}");
  } catch {
    return send(response, 400, "Bad request");
  }
  const role = body?.role ?? "employee";
  if (!ROLES.has(role)) return send(response, 400, "role must be employee or analyst");
  const subject = body?.subject ?? (role === "analyst" ? DEFAULT_ANALYST : DEFAULT_SUBJECT);
  if (typeof subject !== "string" || !SUBJECT_PATTERN.test(subject)) {
    return send(response, 400, "subject must be 1–64 letters, digits, dots, dashes or underscores");
  }
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ role })
    .setProtectedHeader({ alg: "HS256", kid: signingKey.kid, typ: "JWT" })
    .setSubject(subject)
    .setAudience("real-skills")
    .setIssuedAt(now)
    .setExpirationTime(now + TOKEN_TTL_SECONDS)
    .sign(signingKey.secret);
  const json = JSON.stringify({ token });
  response.writeHead(200, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(json),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  response.end(json);
}

function readBody(request, limit) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    request.on("data", (chunk) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error("Request body too large"));
        request.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
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
  const { EMBED_KID: kid, EMBED_SECRET: secret } = process.env;
  const embedKey = kid && secret ? { kid, secret } : undefined;
  const { url } = await startDemoServer({ port, apiUrl, embedKey });
  console.log(`Demo intranet: ${url} (API: ${apiUrl})`);
}
