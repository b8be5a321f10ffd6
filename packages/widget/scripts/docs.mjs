// Writes the element reference in docs/embedding.md (between the reference markers) from the
// JSDoc above each element class. Tag names come from the ELEMENTS map in src/define.ts.
//
//   node scripts/docs.mjs          rewrite the reference
//   node scripts/docs.mjs --check  exit 1 when the reference is out of date
//
// Tables are padded the way Prettier aligns them; when Prettier resolves (it is a root
// devDependency) the generated markdown is also passed through it with the repository's config.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const WIDGET_DIR = new URL("../", import.meta.url);
const ROOT_DIR = new URL("../../", WIDGET_DIR);
const DEFINE_FILE = new URL("src/define.ts", WIDGET_DIR);
const COMPONENTS_DIR = new URL("src/components/", WIDGET_DIR);
const DOCS_FILE = new URL("docs/embedding.md", ROOT_DIR);
const DOCS_LABEL = "docs/embedding.md";

const START_MARKER = "<!-- reference:start -->";
const END_MARKER = "<!-- reference:end -->";
const OUT_OF_DATE =
  "docs/embedding.md reference is out of date; run pnpm --filter @real-skills/widget docs";

/** The tables of one element, in output order, with their columns. */
const SECTIONS = [
  { tag: "attr", title: "Attributes", columns: ["name", "description"] },
  { tag: "prop", title: "Properties", columns: ["name", "type", "description"] },
  { tag: "fires", title: "Events", columns: ["name", "description"] },
  { tag: "csspart", title: "CSS parts", columns: ["name", "description"] },
  { tag: "cssprop", title: "CSS custom properties", columns: ["name", "description"] },
];

class DocsError extends Error {}

function fail(message) {
  throw new DocsError(message);
}

function relative(url) {
  return fileURLToPath(url).slice(fileURLToPath(ROOT_DIR).length);
}

// --- Input -----------------------------------------------------------------------------------

/** Tag name → class name, from `export const ELEMENTS = { "rs-x": RsX, … }` in define.ts. */
function readTagNames() {
  const source = readFileSync(DEFINE_FILE, "utf8");
  const block = /export const ELEMENTS\s*=\s*\{([^}]*)\}/.exec(source);
  if (!block) fail(`${relative(DEFINE_FILE)}: no \`export const ELEMENTS = { … }\` map found.`);
  const entries = [
    ...block[1].matchAll(/["']([a-z][a-z0-9]*-[a-z0-9-]*)["']\s*:\s*([A-Za-z_$][\w$]*)/g),
  ];
  if (entries.length === 0) fail(`${relative(DEFINE_FILE)}: the ELEMENTS map has no entries.`);
  return new Map(entries.map(([, tagName, className]) => [className, tagName]));
}

/** Every `src/components/rs-*\/rs-*.ts` file. */
function componentFiles() {
  return readdirSync(COMPONENTS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith("rs-"))
    .map((entry) => new URL(`${entry.name}/${entry.name}.ts`, COMPONENTS_DIR))
    .filter((file) => existsSync(file))
    .sort((a, b) => compare(a.href, b.href));
}

/** The exported element class of a component file and the JSDoc right above it. */
function readComponent(file) {
  const source = readFileSync(file, "utf8").replace(/\r\n?/g, "\n");
  const classes = [...source.matchAll(/^export class ([A-Za-z_$][\w$]*)/gm)];
  if (classes.length !== 1) {
    fail(`${relative(file)}: expected one \`export class\`, found ${classes.length}.`);
  }
  const className = classes[0][1];
  // The last `/** … */` that is followed only by whitespace (and decorators) up to the class.
  const jsdoc = new RegExp(
    String.raw`/\*\*((?:(?!\*/)[\s\S])*)\*/\s*(?:@[\w$.]+(?:\([^)]*\))?\s*)*export class ${className}\b`,
  ).exec(source);
  if (!jsdoc) fail(`${relative(file)}: ${className} has no JSDoc block right above its class.`);
  return { className, source, doc: parseJsdoc(jsdoc[1], `${relative(file)} (${className})`) };
}

/** Splits a JSDoc body into its description and its tags (continuation lines joined). */
function parseJsdoc(body, where) {
  const lines = body.split("\n").map((line) => line.replace(/^\s*\*? ?/, "").trimEnd());
  const descriptionLines = [];
  const tags = [];
  let current;
  for (const line of lines) {
    const tag = /^@(\w+)(?:\s+(.*))?$/.exec(line.trim());
    if (tag) {
      current = { tag: tag[1], text: tag[2] ?? "" };
      tags.push(current);
    } else if (line.trim() === "") {
      current = undefined;
      if (tags.length === 0) descriptionLines.push("");
    } else if (current) {
      current.text = `${current.text} ${line.trim()}`;
    } else if (tags.length === 0) {
      descriptionLines.push(line);
    } else {
      fail(`${where}: text after the tags that belongs to no tag: "${line.trim()}".`);
    }
  }
  const description = descriptionLines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (description === "") fail(`${where}: the JSDoc has no description.`);
  return { description, entries: parseTags(tags, where) };
}

/** Tag name → table rows, e.g. `attr` → `[["slug", "The lesson to show."]]`. */
function parseTags(tags, where) {
  const entries = new Map(SECTIONS.map((section) => [section.tag, []]));
  for (const { tag, text } of tags) {
    const rows = entries.get(tag);
    if (!rows) {
      const known = SECTIONS.map((section) => `@${section.tag}`).join(", ");
      fail(`${where}: unsupported tag @${tag} (supported: ${known}).`);
    }
    let rest = text.trim();
    let type;
    if (tag === "prop") {
      type = readBraced(rest);
      if (type === undefined) fail(`${where}: @prop needs a type in braces: "@prop ${text}".`);
      rest = rest.slice(type.length + 2).trim();
      type = type.trim();
    }
    const parts = /^(\S+)\s+-\s+(\S[\s\S]*)$/.exec(rest);
    if (!parts)
      fail(
        `${where}: expected "@${tag} ${type ? "{type} " : ""}name - text", got "@${tag} ${text}".`,
      );
    const [, name, description] = parts;
    rows.push(type === undefined ? [name, description] : [name, type, description]);
  }
  return entries;
}

/** The text inside a leading `{…}` (nested braces allowed), or undefined. */
function readBraced(text) {
  if (!text.startsWith("{")) return undefined;
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === "{") depth += 1;
    if (text[index] === "}") depth -= 1;
    if (depth === 0) return text.slice(1, index);
  }
  return undefined;
}

function readElements() {
  const tagNames = readTagNames();
  const elements = componentFiles().map((file) => {
    const { className, source, doc } = readComponent(file);
    const tagName = tagNames.get(className);
    if (!tagName) {
      fail(
        `${relative(file)}: ${className} is not registered in ${relative(DEFINE_FILE)} ELEMENTS.`,
      );
    }
    tagNames.delete(className);
    const declared = new RegExp(String.raw`["']([\w-]+)["']\s*:\s*${className}\s*;`).exec(source);
    if (declared && declared[1] !== tagName) {
      fail(
        `${relative(file)}: HTMLElementTagNameMap names ${className} "${declared[1]}", ` +
          `but ${relative(DEFINE_FILE)} registers it as "${tagName}".`,
      );
    }
    return { tagName, ...doc };
  });
  for (const [className, tagName] of tagNames) {
    fail(
      `${relative(DEFINE_FILE)}: "${tagName}" maps to ${className}, which is not exported by any ` +
        `src/components/rs-*/rs-*.ts file.`,
    );
  }
  if (elements.length === 0) fail(`No element classes found in ${relative(COMPONENTS_DIR)}.`);
  return elements.sort((a, b) => compare(a.tagName, b.tagName));
}

// --- Output ----------------------------------------------------------------------------------

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function code(text) {
  return `\`${text}\``;
}

function cell(text) {
  return text.replace(/\|/g, "\\|");
}

/** A table padded the way Prettier prints markdown tables. */
function table(columns, rows) {
  const cells = [columns, ...rows].map((row) => row.map(cell));
  const widths = columns.map((_, column) =>
    Math.max(3, ...cells.map((row) => [...row[column]].length)),
  );
  const line = (row) => `| ${row.map((text, column) => text.padEnd(widths[column])).join(" | ")} |`;
  const [header, ...body] = cells;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...body.map(line)].join(
    "\n",
  );
}

function renderElement({ tagName, description, entries }) {
  const blocks = [`### ${code(`<${tagName}>`)}`, description];
  for (const { tag, title, columns } of SECTIONS) {
    const rows = entries.get(tag);
    if (rows.length === 0) continue;
    const formatted = rows.map(([name, ...rest]) =>
      tag === "prop" ? [code(name), code(rest[0]), rest[1]] : [code(name), rest[0]],
    );
    blocks.push(`#### ${title}`, table(columns, formatted));
  }
  return blocks.join("\n\n");
}

async function formatMarkdown(markdown) {
  let prettier;
  try {
    prettier = await import("prettier");
  } catch {
    return markdown; // Already padded like Prettier's output.
  }
  const filepath = fileURLToPath(DOCS_FILE);
  const options = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(markdown, { ...options, filepath });
}

async function render(elements) {
  const markdown = `${elements.map(renderElement).join("\n\n")}\n`;
  return (await formatMarkdown(markdown)).trimEnd();
}

function replaceRegion(document, reference) {
  const start = document.indexOf(START_MARKER);
  const end = document.indexOf(END_MARKER);
  if (start === -1 || end === -1) {
    fail(`${DOCS_LABEL}: the markers ${START_MARKER} and ${END_MARKER} are missing.`);
  }
  if (
    document.indexOf(START_MARKER, start + 1) !== -1 ||
    document.indexOf(END_MARKER, end + 1) !== -1
  ) {
    fail(`${DOCS_LABEL}: ${START_MARKER} and ${END_MARKER} must each appear once.`);
  }
  if (end < start) fail(`${DOCS_LABEL}: ${END_MARKER} comes before ${START_MARKER}.`);
  const before = document.slice(0, start + START_MARKER.length);
  return `${before}\n\n${reference}\n\n${document.slice(end)}`;
}

// --- Main ------------------------------------------------------------------------------------

async function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== "--check");
  if (unknown.length > 0) fail(`Unknown argument ${unknown.join(" ")}; usage: docs.mjs [--check]`);
  const check = args.includes("--check");

  const current = readFileSync(DOCS_FILE, "utf8");
  const next = replaceRegion(current, await render(readElements()));
  if (check) {
    if (next !== current) {
      console.error(OUT_OF_DATE);
      process.exitCode = 1;
      return;
    }
    console.log(`${DOCS_LABEL} reference is up to date.`);
  } else if (next === current) {
    console.log(`${DOCS_LABEL} reference is already up to date.`);
  } else {
    writeFileSync(DOCS_FILE, next);
    console.log(`Wrote the element reference to ${DOCS_LABEL}.`);
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof DocsError)) throw error;
  console.error(`docs: ${error.message}`);
  process.exitCode = 1;
}
