// Two builds from one source (design §6):
//  - dist/index.js + dist/define.js: ES modules for npm, `lit` left to the application's bundler;
//  - dist/real-skills.js: one minified script for a plain <script> tag, with Lit inside.
// `@real-skills/shared` is always bundled from its TypeScript source (the "@real-skills/source"
// export condition), so the widget never depends on shared having been built first.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import typescript from "@rollup/plugin-typescript";
import ts from "typescript";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

const resolve = () =>
  nodeResolve({
    exportConditions: ["@real-skills/source", "browser", "module", "import", "default"],
    extensions: [".ts", ".mjs", ".js"],
  });

const compile = (options = {}) =>
  typescript({
    tsconfig: "./tsconfig.build.json",
    include: ["src/**/*.ts"],
    filterRoot: ".",
    noEmitOnError: true,
    // The plugin would switch to "esnext", which NodeNext resolution refuses; this package is ESM.
    module: "NodeNext",
    ...options,
  });

const sharedSource = fileURLToPath(new URL("../shared/src/", import.meta.url));

/**
 * Strips the types from `@real-skills/shared`'s source. The TypeScript plugin only compiles files
 * under this package's rootDir; shared is type-checked by its own package and by our `tsc`.
 */
const transpileShared = () => ({
  name: "transpile-shared",
  transform(code, id) {
    if (!id.startsWith(sharedSource) || !id.endsWith(".ts")) return null;
    const { outputText, sourceMapText } = ts.transpileModule(code, {
      fileName: id,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
        sourceMap: true,
      },
    });
    return { code: outputText.replace(/\n\/\/# sourceMappingURL=.*$/, ""), map: sourceMapText };
  },
});

/** Stops the build when src/version.ts and package.json disagree. */
const checkVersion = () => ({
  name: "check-version",
  buildStart() {
    const source = readFileSync(new URL("./src/version.ts", import.meta.url), "utf8");
    if (!source.includes(`"${pkg.version}"`)) {
      this.error(`src/version.ts does not say ${pkg.version} (package.json)`);
    }
  },
});

/**
 * Collapses the whitespace of Lit's static \`css\` templates in the script-tag bundle: indentation
 * and line breaks are a tenth of its CSS, and terser keeps template text as written. Only runs of
 * whitespace and the spaces next to braces and semicolons go, which never changes a selector or a
 * value (spaces around ":" or ">" would: `a :hover` is not `a:hover`).
 */
const minifyCss = () => ({
  name: "minify-css",
  transform(code, id) {
    if (!id.endsWith(".styles.ts") && !id.includes("/styles/")) return null;
    return {
      // The compiler writes "css `…`", with a space.
      code: code.replace(
        /\bcss\s*`([^`]*)`/g,
        (_, body) =>
          `css\`${body
            .replace(/\/\*[\s\S]*?\*\//g, "")
            .replace(/\s+/g, " ")
            .replace(/\s*([{};])\s*/g, "$1")
            .trim()}\``,
      ),
      map: null,
    };
  },
});

/**
 * The first lines inside real-skills.js. When a copy of the script already runs on the page (its
 * `window.RealSkills` has a `version`; the pre-load stub has none), this copy hands its script
 * tag's data-* settings to that one and stops before any module runs: nothing is registered
 * twice, and Lit does not ask Trusted Types for a second "lit-html" policy, which a CSP with
 * `trusted-types lit-html` refuses. A block, so that its names cannot clash with the bundle's.
 */
const secondCopyGuard = `{
  const running = window.RealSkills;
  if (running && running.version) {
    const data = document.currentScript ? document.currentScript.dataset : {};
    const settings = {};
    if (data.endpoint) settings.endpoint = data.endpoint;
    if (data.locale) settings.locale = data.locale;
    running.configure(settings);
    return;
  }
}`;

const isLit = (id) => id === "lit" || id.startsWith("lit/") || id.startsWith("@lit/");

export default [
  {
    input: { index: "src/index.ts", define: "src/define.ts" },
    external: isLit,
    plugins: [
      checkVersion(),
      resolve(),
      transpileShared(),
      compile({ declaration: true, declarationDir: "dist" }),
    ],
    output: {
      dir: "dist",
      format: "es",
      sourcemap: true,
      entryFileNames: "[name].js",
      // Everything but the registration lives in index.js, so define.js imports that file
      // instead of Rollup splitting the shared code into a third, hash-named chunk.
      manualChunks: (id) => (id.endsWith("/src/define.ts") ? undefined : "index"),
    },
  },
  {
    input: "src/embed.ts",
    plugins: [
      resolve(),
      transpileShared(),
      compile({ declaration: false, declarationDir: undefined }),
      // After the compiler: the TypeScript plugin emits from the files on disk, not from `code`.
      minifyCss(),
    ],
    output: {
      file: "dist/real-skills.js",
      format: "iife",
      name: "RealSkills",
      intro: secondCopyGuard,
      sourcemap: true,
      plugins: [
        terser({ ecma: 2020, module: false, compress: { passes: 2 }, format: { comments: false } }),
      ],
    },
  },
];
