// Prints the gzipped size of the two builds and fails when the script-tag bundle is over budget.
// The budget covers only real-skills.js: it is what every host page downloads as is, while the
// npm build is re-bundled (and shares Lit) in the customer's application.
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

const sizes = files.map((file) => ({ ...file, ...gzippedSize(file.path) }));
for (const { label, raw, gzip } of sizes) {
  console.log(`${label}: ${gzip} B gzipped (${raw} B raw)`);
}

const [scriptTag] = sizes;
const verdict = scriptTag.gzip <= BUDGET_BYTES ? "within" : "OVER";
console.log(
  `budget for the script tag: ${BUDGET_BYTES} B gzipped: ${verdict} (${scriptTag.gzip} B)`,
);
if (scriptTag.gzip > BUDGET_BYTES) process.exit(1);
