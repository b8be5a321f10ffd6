import { gzipSync } from "node:zlib";
import { operationBody, type HostileRequest } from "./abuse-request.js";

/** The API's default `MAX_BODY_BYTES` and `MAX_VARIABLES_BYTES`. */
export const MAX_BODY_BYTES = 100_000;
export const MAX_VARIABLES_BYTES = 64_000;

const VIEWER = "{ viewer { kind } }";
const VIEWER_BODY = operationBody(VIEWER);
const SKILL_BY_SLUG = "query($slug: String!) { skill(slug: $slug) { name } }";

/** A valid operation padded with whitespace to exactly `bytes` bytes. */
function paddedBody(bytes: number): string {
  return VIEWER_BODY.slice(0, -1) + " ".repeat(bytes - VIEWER_BODY.length) + "}";
}

function bytes(...parts: (string | number[])[]): Uint8Array {
  return Buffer.concat(
    parts.map((part) => (typeof part === "string" ? Buffer.from(part) : Buffer.from(part))),
  );
}

/** `[[[…]]]` or `{"a":{"a":…}}` nested `depth` levels. */
function nestedArray(depth: number): string {
  return "[".repeat(depth) + "]".repeat(depth);
}
function nestedObject(depth: number): string {
  return '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

/**
 * Hostile HTTP: bodies too large, too deep, not JSON, not UTF-8, of the wrong type or encoding;
 * methods and paths the API does not serve; GETs that try to mutate or overflow the request line.
 * Credentials in headers are `abuse-credentials.ts`'s.
 */
export function transportCorpus(): HostileRequest[] {
  const requests: HostileRequest[] = [];
  const add = (name: string, request: Partial<Omit<HostileRequest, "category" | "name">>) =>
    requests.push({ category: "transport", name, caller: "anonymous", ...request });

  // Sizes around and far beyond the body limit.
  add("body of exactly MAX_BODY_BYTES", { body: paddedBody(MAX_BODY_BYTES) });
  add("body one byte over MAX_BODY_BYTES", { body: paddedBody(MAX_BODY_BYTES + 1) });
  add("body of 1 MB", { body: paddedBody(1_000_000) });
  add("body of 5 MB", { body: paddedBody(5_000_000) });
  add("body of 5 MB in one JSON string", {
    body: operationBody(VIEWER, { pad: "x".repeat(5_000_000) }),
  });
  add("gzip bomb: 60 KB inflating to 60 MB", {
    headers: { "content-type": "application/json", "content-encoding": "gzip" },
    body: gzipSync(paddedBody(60_000_000)),
  });
  add("gzip body that is not gzip", {
    headers: { "content-type": "application/json", "content-encoding": "gzip" },
    body: bytes(VIEWER_BODY),
  });
  add("deflate body that is not deflate", {
    headers: { "content-type": "application/json", "content-encoding": "deflate" },
    body: bytes("\x78\x9c garbage"),
  });
  add("brotli body that is not brotli", {
    headers: { "content-type": "application/json", "content-encoding": "br" },
    body: bytes(VIEWER_BODY),
  });
  add("unsupported Content-Encoding", {
    headers: { "content-type": "application/json", "content-encoding": "zstd" },
    body: bytes(VIEWER_BODY),
  });
  add("gzip twice, declared once", {
    headers: { "content-type": "application/json", "content-encoding": "gzip" },
    body: gzipSync(gzipSync(VIEWER_BODY)),
  });

  // Nesting: the whole body, and each member Apollo reads.
  add("body of 10 000 nested arrays", { body: nestedArray(10_000) });
  add("body of 49 000 nested arrays (just under the size limit)", { body: nestedArray(49_000) });
  add("body of 10 000 nested objects", { body: nestedObject(10_000) });
  for (const [member, depth] of [
    ["variables", 10_000],
    ["extensions", 10_000],
    ["query", 10_000],
    ["operationName", 10_000],
  ] as const) {
    add(`${member} as 10 000 nested objects`, {
      body: `{"query":${JSON.stringify(SKILL_BY_SLUG)},"${member}":${nestedObject(depth)}}`,
    });
  }
  add("a variable of 30 000 nested arrays", {
    body: `{"query":${JSON.stringify(SKILL_BY_SLUG)},"variables":{"slug":${nestedArray(30_000)}}}`,
  });
  add("a variable of 16 000 nested objects", {
    body: `{"query":${JSON.stringify(SKILL_BY_SLUG)},"variables":{"slug":${nestedObject(16_000)}}}`,
  });

  // Not JSON, or JSON that is not an operation.
  const notJson: [string, string][] = [
    ["truncated JSON", VIEWER_BODY.slice(0, -5)],
    ["trailing garbage", `${VIEWER_BODY} garbage`],
    ["two JSON documents", `${VIEWER_BODY}${VIEWER_BODY}`],
    ["NaN", `{"query":"${VIEWER}","variables":{"n":NaN}}`],
    ["Infinity", `{"query":"${VIEWER}","variables":{"n":Infinity}}`],
    ["single quotes", `{'query':'${VIEWER}'}`],
    ["unquoted keys", `{query:"${VIEWER}"}`],
    ["trailing comma", `{"query":"${VIEWER}",}`],
    ["a comment", `{"query":"${VIEWER}" /* hi */}`],
    ["a raw control character in a string", `{"query":"{ viewer\u0001{ kind } }"}`],
    ["an invalid escape", `{"query":"{ viewer \\x41 { kind } }"}`],
    ["a lone backslash", `{"query":"\\"}`],
    ["a number too large for a double", `{"query":"${VIEWER}","variables":{"n":1e999999}}`],
    ["a number of 50 000 digits", `{"query":"${VIEWER}","variables":{"n":${"9".repeat(50_000)}}}`],
    ["empty body", ""],
    ["whitespace only", "   \n\t  "],
    ["null", "null"],
    ["a string", '"{ viewer { kind } }"'],
    ["a number", "42"],
    ["true", "true"],
    ["an empty object", "{}"],
    ["an empty array (an empty batch)", "[]"],
    ["a batch of two operations", `[${VIEWER_BODY},${VIEWER_BODY}]`],
    ["a batch of 1 000 operations", `[${Array<string>(1_000).fill(VIEWER_BODY).join(",")}]`],
    ["duplicate keys", `{"query":"{ nope }","query":"${VIEWER}"}`],
    ["a __proto__ key", `{"__proto__":{"query":"${VIEWER}"},"query":"${VIEWER}"}`],
    ["a BOM before the JSON", `\ufeff${VIEWER_BODY}`],
  ];
  for (const [name, body] of notJson) add(`not an operation: ${name}`, { body });

  // Not UTF-8: raw bytes, where escapes cannot hide them.
  const json = VIEWER_BODY;
  const invalidUtf8: [string, number[]][] = [
    ["a continuation byte missing", [0xc3, 0x28]],
    ["byte 0xFF", [0xff]],
    ["an overlong slash", [0xc0, 0xaf]],
    ["an encoded surrogate", [0xed, 0xa0, 0x80]],
    ["a code point above U+10FFFF", [0xf4, 0x90, 0x80, 0x80]],
    ["a lead byte 0xF8", [0xf8, 0x88, 0x80, 0x80, 0x80]],
  ];
  for (const [name, sequence] of invalidUtf8) {
    add(`not UTF-8 in the query: ${name}`, {
      headers: { "content-type": "application/json" },
      body: bytes(json.slice(0, 12), sequence, json.slice(12)),
    });
    add(`not UTF-8 in a variable: ${name}`, {
      headers: { "content-type": "application/json" },
      body: bytes(
        `{"query":${JSON.stringify(SKILL_BY_SLUG)},"variables":{"slug":"a`,
        sequence,
        `"}}`,
      ),
    });
  }
  add("a sequence cut off at the end", {
    headers: { "content-type": "application/json" },
    body: bytes(json, [0xf0, 0x9f, 0x98]),
  });
  add("UTF-16 declared and sent", {
    headers: { "content-type": "application/json; charset=utf-16le" },
    body: Buffer.from(json, "utf16le"),
  });
  add("UTF-16 sent as application/json", {
    headers: { "content-type": "application/json" },
    body: Buffer.from(`\ufeff${json}`, "utf16le"),
  });
  add("Latin-1 declared and sent", {
    headers: { "content-type": "application/json; charset=latin1" },
    body: Buffer.from(`{"query":"{ skill(slug: \\"d\u00e9cision\\") { name } }"}`, "latin1"),
  });

  // Content types a GraphQL POST must not have, or that say nothing.
  const contentTypes = [
    "text/plain",
    "text/plain; charset=utf-8",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=abuse",
    "application/xml",
    "text/html",
    "application/graphql",
    "application/octet-stream",
    "application/json; charset=utf-32",
    "application/json; charset=nonsense",
    "application/",
    "APPLICATION/JSON",
    "application/json;;;;",
    `application/json; ${"x=y; ".repeat(1_000)}`,
  ];
  for (const type of contentTypes) {
    add(`Content-Type ${type.slice(0, 60)}`, {
      headers: { "content-type": type },
      body: bytes(json),
    });
  }
  add("no Content-Type", { body: bytes(json) });
  add("form fields instead of JSON", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: bytes(
      `query=${encodeURIComponent('mutation { createApiKey(input: { name: "x", role: ADMIN }) { key } }')}`,
    ),
  });
  add("text/plain with a preflight header (CSRF check passed, body unread)", {
    headers: { "content-type": "text/plain", "apollo-require-preflight": "true" },
    body: bytes(json),
  });

  // Methods and paths.
  for (const method of ["PUT", "DELETE", "PATCH", "PROPFIND"]) {
    add(`${method} with an operation`, { method, body: json });
  }
  add("HEAD", { method: "HEAD" });
  add("OPTIONS without a preflight", { method: "OPTIONS" });
  add("OPTIONS preflight from an origin no one allows", {
    method: "OPTIONS",
    headers: {
      origin: "https://evil.example",
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization, content-type",
    },
  });
  const preflighted = { "apollo-require-preflight": "true" };
  const mutation = 'mutation { eraseSubjectData(subject: "abuse-employee") { attemptsErased } }';
  add("GET with a mutation", {
    method: "GET",
    caller: "admin",
    headers: preflighted,
    target: `/graphql?query=${encodeURIComponent(mutation)}`,
  });
  add("GET with a mutation, without a preflight header", {
    method: "GET",
    caller: "admin",
    target: `/graphql?query=${encodeURIComponent(mutation)}`,
  });
  add("GET naming a mutation of a two-operation document", {
    method: "GET",
    caller: "admin",
    headers: preflighted,
    target: `/graphql?operationName=M&query=${encodeURIComponent(`query Q ${VIEWER} ${mutation.replace("mutation", "mutation M")}`)}`,
  });
  add("GET with a 12 KB query string", {
    method: "GET",
    headers: preflighted,
    target: `/graphql?query=${encodeURIComponent(VIEWER)}${"+".repeat(12_000)}`,
  });
  add("GET with a 20 KB query string (over Node's header limit)", {
    method: "GET",
    headers: preflighted,
    target: `/graphql?query=${encodeURIComponent(VIEWER)}${"+".repeat(20_000)}`,
  });
  const gets: [string, string][] = [
    ["invalid percent-encoding", "query=%C3%28%7B%20viewer%20%7B%20kind%20%7D%20%7D"],
    ["a broken percent sign", "query=%%7B%ZZ"],
    ["the query twice", `query=${encodeURIComponent(VIEWER)}&query=${encodeURIComponent(VIEWER)}`],
    ["query as an object", "query[a]=1&query[b]=2"],
    ["variables that are not JSON", `query=${encodeURIComponent(SKILL_BY_SLUG)}&variables=%7Bnope`],
    [
      "variables nested 500 deep",
      `query=${encodeURIComponent(SKILL_BY_SLUG)}&variables=${encodeURIComponent(nestedObject(500))}`,
    ],
    ["extensions that are not JSON", `query=${encodeURIComponent(VIEWER)}&extensions=%5B`],
    ["no query", "variables=%7B%7D"],
  ];
  for (const [name, search] of gets) {
    add(`GET with ${name}`, { method: "GET", headers: preflighted, target: `/graphql?${search}` });
  }
  // Express matches /graphql without regard to case, with a trailing slash and with a query.
  const servedPaths = [
    "/graphql/",
    "/GRAPHQL",
    "/graphql/..%2f..%2fetc%2fpasswd",
    "/graphql?query={viewer{kind}}#<script>alert(1)</script>",
  ];
  for (const target of servedPaths) add(`POST to ${target}`, { target, body: json });
  for (const target of ["/graphql;jsessionid=1", "/graphql%00", "/<script>alert(1)</script>"]) {
    add(`POST to ${target}`, { target, body: json });
  }

  // HTTP that fetch will not send: Node's parser answers these itself.
  const raw = (name: string, text: string) =>
    add(`raw HTTP: ${name}`, { raw: Buffer.from(text, "latin1") });
  raw("an unknown method", "BREW /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  raw(
    "a NUL byte in a header",
    "POST /graphql HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
  );
  raw(
    "Content-Length and Transfer-Encoding together (request smuggling)",
    `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n${json}`,
  );
  raw(
    "invalid bytes in the request line",
    "GET /graphql?query=\u00ff\u00fe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
  );
  raw(
    "a header line folded onto two",
    "POST /graphql HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\nConnection: close\r\n\r\n",
  );
  return requests;
}
