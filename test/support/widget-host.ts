import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { mintEmbedToken, type EmbedKey } from "./embed-token.js";

const BUNDLE = fileURLToPath(new URL("../../packages/widget/dist/real-skills.js", import.meta.url));

export type { EmbedKey } from "./embed-token.js";

export interface WidgetHostOptions {
  /** The port the organisation allows as its origin; 0 picks a free one. */
  port: number;
  /** The API's GraphQL endpoint. */
  apiUrl: string;
  embedKey: EmbedKey;
  /** The `Content-Security-Policy` header of every page, if any. */
  contentSecurityPolicy?: string;
  /** The time the token route signs tokens at: the API's, when its clock is shifted. */
  clock?: () => Date;
}

/**
 * The strict policy docs/embedding.md recommends, with the widget served from the page's own
 * origin: scripts only from there (plus `scriptSources`, e.g. an inline snippet's hash), no
 * inline styles, and Trusted Types with the one policy Lit creates.
 */
export function strictContentSecurityPolicy(apiUrl: string, scriptSources: string[] = []): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptSources].join(" "),
    "style-src 'self'",
    `connect-src 'self' ${new URL(apiUrl).origin}`,
    "require-trusted-types-for 'script'",
    "trusted-types lit-html",
  ].join("; ");
}

export interface WidgetHost {
  /** `http://localhost:PORT`, without a trailing slash. */
  origin: string;
  /** Serves `body` inside a host page at `path` (e.g. `/assessment`). */
  page(path: string, body: string): void;
  close(): Promise<void>;
}

/**
 * A customer's intranet as small as it gets: pages that load the built script-tag bundle and a
 * page script of their own (no inline script, so a strict CSP can apply), and the backend's token
 * route. What the page script does comes from its query string:
 *  - `employee=ID` signs that employee in through `configure({ getToken })`;
 *  - `tokenLocale=de` puts a `locale` claim into the embed token;
 *  - `role=analyst` signs an HR analyst in instead (for `<rs-team-report>`);
 *  - `configLocale=de` calls `configure({ locale })`.
 * After an `rs-complete`, the page replaces its `<rs-history>` with a fresh one, as the demo does.
 */
export async function startWidgetHost(options: WidgetHostOptions): Promise<WidgetHost> {
  const pages = new Map<string, string>();
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { "Content-Type": "text/plain" });
      response.end(String(error));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { pathname } = new URL(request.url ?? "/", "http://host");
    if (pathname === "/token" && request.method === "POST") {
      const { subject, locale, role } = JSON.parse(await readBody(request)) as {
        subject: string;
        locale?: string | null;
        role?: "employee" | "analyst" | null;
      };
      const token = await mintEmbedToken(
        options.embedKey,
        {
          sub: subject,
          ...(locale ? { locale } : {}),
          ...(role ? { role } : {}),
        },
        options.clock?.(),
      );
      send(response, "application/json", JSON.stringify({ token }));
    } else if (pathname === "/real-skills.js") {
      send(response, "text/javascript", await readFile(BUNDLE));
    } else if (pathname === "/host.js") {
      send(response, "text/javascript", HOST_SCRIPT);
    } else if (pages.has(pathname)) {
      const body = hostPage(options.apiUrl, pages.get(pathname) ?? "");
      const csp = options.contentSecurityPolicy;
      send(response, "text/html; charset=utf-8", body, {
        ...(csp ? { "Content-Security-Policy": csp } : {}),
      });
    } else {
      // Favicons too: a 404 would be a console error in the browser.
      response.writeHead(pathname === "/favicon.ico" ? 204 : 404);
      response.end();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    origin: `http://localhost:${port}`,
    page(path, body) {
      pages.set(path, body);
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}

const HOST_SCRIPT = `
const params = new URLSearchParams(location.search);
const employee = params.get("employee");
const tokenLocale = params.get("tokenLocale");
const configLocale = params.get("configLocale");
const role = params.get("role");
if (configLocale) window.RealSkills.configure({ locale: configLocale });
if (employee) {
  window.RealSkills.configure({
    getToken: async () => {
      const response = await fetch("/token", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ subject: employee, locale: tokenLocale, role }),
      });
      if (!response.ok) throw new Error("token route: " + response.status);
      return (await response.json()).token;
    },
  });
}
// A finished assessment belongs in the history: a fresh element loads it again.
document.addEventListener("rs-complete", () => {
  const history = document.querySelector("rs-history");
  history?.replaceWith(history.cloneNode());
});
`;

function hostPage(apiUrl: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Intranet</title>
    <script src="/real-skills.js" data-endpoint="${apiUrl}" defer></script>
    <script src="/host.js" defer></script>
  </head>
  <body>
    <main>
      <h1>Intranet</h1>
      <button type="button" id="before">Before the widget</button>
      ${body}
      <button type="button" id="after">After the widget</button>
    </main>
  </body>
</html>`;
}

function send(
  response: ServerResponse,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  response.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store", ...headers });
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
    });
    request.on("end", () => {
      resolve(Buffer.concat(chunks).toString("utf8"));
    });
    request.on("error", reject);
  });
}
