// One flat config for the whole workspace. Type-aware rules need each package's tsconfig,
// which `projectService` finds from the file being linted.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import importX, { createNodeResolver } from "eslint-plugin-import-x";
import globals from "globals";

export default tseslint.config(
  {
    ignores: ["**/dist/**", "**/node_modules/**", "**/.data/**", "**/coverage/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "import-x": importX },
    settings: {
      // Cycles are checked between our own files; packages are not parsed.
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".js"] })],
      "import-x/ignore": ["node_modules"],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-default-export": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-extraneous-class": "off",
      // type-graphql object types are data shapes; resolvers return plain objects of that shape.
      "@typescript-eslint/no-unsafe-class-instance-assignment": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name='only']", message: "No .only in tests." },
      ],
    },
  },
  {
    files: ["**/*.config.{js,mjs}", "**/jest.preset.js", "eslint.config.js"],
    rules: { "import-x/no-default-export": "off" },
  },
  {
    // Jest's asymmetric matchers (`expect.objectContaining`) are typed `any`.
    files: ["**/__tests__/**/*.ts", "test/**/*.ts"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off" },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["packages/widget/src/**/*.ts"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The API logs through pino (with the request id); only the entry points print to a terminal.
    files: [
      "packages/api/src/**/*.ts",
      "packages/widget/src/**/*.ts",
      "packages/shared/src/**/*.ts",
    ],
    ignores: ["packages/api/src/cli.ts", "packages/api/src/main.ts", "**/__tests__/**"],
    rules: { "no-console": "error" },
  },
);
