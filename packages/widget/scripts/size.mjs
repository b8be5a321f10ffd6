// Prints the gzipped size of the two builds and fails when the script-tag bundle is over budget.
// The budget covers only real-skills.js: it is what every host page downloads as is, while the
// npm build is re-bundled (and shares Lit) in the customer's application. The figure only counts
// when the bundle is complete, so it also fails when an element or a language is missing from it
// (tree-shaken, or split off to load later).
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BUDGET_BYTES = 25 * 1024;

const files = [
  { label: "script tag (dist/real-skills.js, Lit included)", path: "dist/real-skills.js" },
  { label: "npm entry (dist/index.js, Lit external)", path: "dist/index.js" },
];

function gzippedSize(path) {
  const url = new URL(`../${path}`, import.meta.url);
  if (!existsSync(url)) {
    console.error(`${path} is missing: run \`pnpm build\` first.`);
    process.exit(1);
  }
  const source = readFileSync(url);
  return { raw: source.length, gzip: gzipSync(source, { level: 9 }).length };
}

/** Every tag name in the ELEMENTS map of src/define.ts. */
function elementNames() {
  const source = readFileSync(new URL("../src/define.ts", import.meta.url), "utf8");
  const map = /export const ELEMENTS\s*=\s*\{([^}]*)\}/.exec(source)?.[1] ?? "";
  return [...map.matchAll(/["'](rs-[a-z-]+)["']/g)].map(([, name]) => name);
}

/** The plain string texts of one language's messages (src/i18n/<locale>.ts). */
function messageTexts(locale) {
  const source = readFileSync(new URL(`../src/i18n/${locale}.ts`, import.meta.url), "utf8");
  const body = source.replace(/^import .*$/gm, "");
  return [...body.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)]
    .map(([, text]) => text)
    .filter((text) => !text.includes("\\"));
}

/** What the script-tag bundle lacks: element names, message texts, or a lazily loaded chunk. */
function missingFrom(bundle) {
  const missing = elementNames()
    .filter((name) => !bundle.includes(`"${name}"`))
    .map((name) => `element <${name}>`);
  for (const locale of ["en", "de"]) {
    const texts = messageTexts(locale);
    const absent = texts.filter((text) => !bundle.includes(text));
    if (texts.length === 0) missing.push(`${locale} texts (none found in src/i18n/${locale}.ts)`);
    else if (absent.length > 0) {
      missing.push(`${locale} texts (${absent.length} of ${texts.length}, e.g. "${absent[0]}")`);
    }
  }
  if (/\bimport\(/.test(bundle)) missing.push("nothing: it loads a chunk with import()");
  return missing;
}

const sizes = files.map((file) => ({ ...file, ...gzippedSize(file.path) }));
for (const { label, raw, gzip } of sizes) {
  console.log(`${label}: ${gzip} B gzipped (${raw} B raw)`);
}

const [scriptTag] = sizes;
const bundle = readFileSync(new URL(`../${scriptTag.path}`, import.meta.url), "utf8");
const missing = missingFrom(bundle);
console.log(
  missing.length === 0
    ? `script tag carries every element (${elementNames().join(", ")}) and both languages (en, de)`
    : `script tag is INCOMPLETE, missing: ${missing.join("; ")}`,
);
if (missing.length > 0) process.exit(1);

const verdict = scriptTag.gzip <= BUDGET_BYTES ? "within" : "OVER";
console.log(
  `budget for the script tag: ${BUDGET_BYTES} B gzipped: ${verdict} (${scriptTag.gzip} B)`,
);
if (scriptTag.gzip > BUDGET_BYTES) process.exit(1);
