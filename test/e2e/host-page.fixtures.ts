import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";

const BUNDLE = fileURLToPath(new URL("../../packages/widget/dist/real-skills.js", import.meta.url));

const ASSESSMENT = "decision-quality";
const LESSON = "separate-decisions-from-outcomes";
export type Tag = "rs-library" | "rs-lesson" | "rs-assessment" | "rs-history";
/** A page without style sheets of its own, or one with every bad habit at once. */
export type Kind = "clean" | "hostile";

/**
 * The test's own frame, the same on both pages: the element at the same place and width, and its
 * box (display, margin, padding, border) pinned. That box is the page's to lay out — rules that
 * match the element itself beat any `:host` rule — so it is held equal here; everything the page
 * would pass down by inheritance is not, and must not change a pixel.
 */
const FRAME_CSS = `
.frame {
  all: unset !important;
  display: block !important;
  position: absolute !important;
  top: 120px !important;
  left: 40px !important;
  width: 640px !important;
  background: #ffffff !important;
}
.frame > * {
  display: block !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
}
`;

/** Habits of real intranet style sheets, all at once. */
const HOSTILE_CSS = `
html { font-size: 10px; }
/* A modern reset: every element back to nothing. */
*:where(:not(html, iframe, canvas, img, svg, video, audio):not(svg *, symbol *)) {
  all: unset;
  display: revert;
}
* {
  margin: 7px;
  padding: 5px;
  box-sizing: content-box;
  font-family: "Comic Sans MS", cursive, serif;
  font-size: 110%;
  font-style: italic;
  font-weight: 900;
  line-height: 3;
  letter-spacing: 0.2em;
  word-spacing: 0.5em;
  text-transform: uppercase;
  text-indent: 2em;
  text-shadow: 1px 1px 0 lime;
  white-space: pre;
  color: #c00;
  fill: orange;
  stroke: purple;
  accent-color: hotpink;
  color-scheme: dark;
  cursor: crosshair;
}
body { text-align: center; direction: ltr; font: 30px serif; color: red; }
button { all: unset; padding: 20px; color: yellow; background: black; border: 3px solid red; font-size: 2rem; }
input, textarea { appearance: none; width: 300px; height: 50px; margin: 20px; border: 4px dashed blue; }
fieldset { margin: 20px; padding: 30px; border: 5px double green; }
legend { float: left; font-size: 3rem; }
label { display: block; padding: 20px; font-size: 2rem; }
textarea { font: 20px monospace; }
svg { display: none; width: 50px; height: 50px; fill: red; }
ul, ol { list-style: square inside; padding-left: 40px; }
h1, h2, h3 { font-size: 5rem; margin: 2rem; }
`;

/** Signs the employee in the query string in, through the page's own token route. */
const PAGE_SCRIPT = `
const employee = new URLSearchParams(location.search).get("employee");
if (employee) {
  window.RealSkills.configure({
    getToken: async () => {
      const response = await fetch("/token", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ subject: employee }),
      });
      return (await response.json()).token;
    },
  });
}
`;

const MARKUP: Record<Tag, string> = {
  "rs-library": "<rs-library></rs-library>",
  "rs-lesson": `<rs-lesson slug="${LESSON}"></rs-lesson>`,
  "rs-assessment": `<rs-assessment slug="${ASSESSMENT}"></rs-assessment>`,
  "rs-history": "<rs-history></rs-history>",
};

function hostPage(kind: Kind, tag: Tag, apiUrl: string): string {
  const hostile = kind === "hostile" ? `<link rel="stylesheet" href="/hostile.css" />` : "";
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Learning · ${kind}</title>
    ${hostile}
    <link rel="stylesheet" href="/frame.css" />
    <script src="/real-skills.js" data-endpoint="${apiUrl}" defer></script>
    <script src="/page.js" defer></script>
  </head>
  <body>
    <h1>Learning</h1>
    <p>Text of the page <button type="button" id="before">A page button</button></p>
    <div class="frame">${MARKUP[tag]}</div>
  </body>
</html>`;
}

export interface HostPages {
  /** `http://localhost:PORT`: the origin the organisation allows. */
  origin: string;
  /** The page of one kind that embeds one element, e.g. `/hostile/rs-library`. */
  url(kind: Kind, tag: Tag): string;
  close(): Promise<void>;
}

/**
 * Serves both kinds of page for every element under a strict CSP (so the style sheets are
 * files), the built script-tag bundle, and a token route that passes the request on to an
 * intranet backend that mints embed tokens (`tokenUrl`, the demo's).
 */
export async function startHostPages(options: {
  port: number;
  apiUrl: string;
  tokenUrl: string;
}): Promise<HostPages> {
  const origin = `http://localhost:${options.port}`;
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${new URL(options.apiUrl).origin}`,
  ].join("; ");
  const files: Record<string, [string, string | Buffer]> = {
    "/real-skills.js": ["text/javascript", await readFile(BUNDLE)],
    "/page.js": ["text/javascript", PAGE_SCRIPT],
    "/frame.css": ["text/css", FRAME_CSS],
    "/hostile.css": ["text/css", HOSTILE_CSS],
  };

  async function passToken(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const upstream = await fetch(options.tokenUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: Buffer.concat(chunks).toString("utf8"),
    });
    response.writeHead(upstream.status, { "Content-Type": "application/json" });
    response.end(await upstream.text());
  }

  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? "/", origin);
    if (pathname === "/token") {
      void passToken(request, response);
      return;
    }
    const page = /^\/(clean|hostile)\/(rs-[a-z]+)$/.exec(pathname);
    if (page && (page[2] ?? "") in MARKUP) {
      response.writeHead(200, {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": csp,
      });
      response.end(hostPage(page[1] as Kind, page[2] as Tag, options.apiUrl));
      return;
    }
    const file = files[pathname];
    // No favicon: a 404 would be logged as a console error.
    const status = file ? 200 : pathname === "/favicon.ico" ? 204 : 404;
    response.writeHead(status, { "Content-Type": file?.[0] ?? "text/plain" });
    response.end(file?.[1] ?? "");
  });
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  return {
    origin,
    url: (kind, tag) => `${origin}/${kind}/${tag}`,
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
