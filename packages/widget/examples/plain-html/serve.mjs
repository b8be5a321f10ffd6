// Serves this example in the repository as a host would serve it after
// `npm install @real-skills/widget lit`: the folder itself, and `/node_modules/<package>/…`
// resolved from the workspace (the widget's own build, and Lit as pnpm installed it). With an
// organisation's embed key it also plays the host's backend: POST /api/real-skills-token.
//
//   EMBED_KID=… EMBED_SECRET=… node packages/widget/examples/plain-html/serve.mjs   (port 4002)
import { existsSync, realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { dirname, extname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { SignJWT } from "jose";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const WIDGET = fileURLToPath(new URL("../../", import.meta.url));
const PORT = Number(process.env.PORT ?? 4002);
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".map": "application/json" };
const { EMBED_KID: kid, EMBED_SECRET: secret } = process.env;

/** A package's folder, looked up the way Node does: in `node_modules` of each parent folder. */
function packageDir(name) {
  if (name === "@real-skills/widget") return WIDGET;
  // Lit's own dependencies sit next to it in pnpm's store, not in the widget's node_modules.
  const lit = realpathSync(join(WIDGET, "node_modules/lit"));
  for (const start of [WIDGET, lit]) {
    for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
      const candidate = join(dir, "node_modules", name);
      if (existsSync(candidate)) return realpathSync(candidate);
    }
  }
  return undefined;
}

function fileFor(pathname) {
  const match = /^\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.+)$/.exec(pathname);
  const root = match ? packageDir(match[1]) : HERE;
  const file = root && join(root, match ? match[2] : pathname === "/" ? "index.html" : pathname);
  return file?.startsWith(root.endsWith(sep) ? root : root + sep) ? file : undefined;
}

async function mintToken() {
  // The demo has no sign-in: every visitor is the same pseudonymous employee.
  return new SignJWT({ role: "employee" })
    .setProtectedHeader({ alg: "HS256", kid })
    .setSubject("plain-html-example")
    .setAudience("real-skills")
    .setIssuedAt()
    .setExpirationTime("15m")
    .sign(Buffer.from(secret, "base64url"));
}

createServer(async (request, response) => {
  const { pathname } = new URL(request.url ?? "/", "http://example");
  if (pathname === "/api/real-skills-token" && request.method === "POST" && kid && secret) {
    response.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
    return response.end(JSON.stringify({ token: await mintToken() }));
  }
  const file = fileFor(decodeURIComponent(pathname));
  const body = file && (await readFile(file).catch(() => undefined));
  if (!body) return response.writeHead(404).end();
  response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
  response.end(body);
}).listen(PORT, "127.0.0.1", () => {
  console.log(`Plain-HTML example: http://localhost:${PORT}/`);
});
