// Shared Jest settings: TypeScript through ts-jest as native ES modules (the packages are ESM,
// and ESM-only libraries such as jose must load unchanged). Run Jest with
// `node --experimental-vm-modules`; each package's `test` script does.
import { fileURLToPath } from "node:url";

const sharedSource = fileURLToPath(new URL("./packages/shared/src/index.ts", import.meta.url));

/** @type {import('jest').Config} */
export const preset = {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  testMatch: ["**/__tests__/**/*.test.ts"],
  moduleNameMapper: {
    "^@real-skills/shared$": sharedSource,
    "^(\\.{1,2}/.*)\\.js$": "$1",
  },
  transform: {
    "^.+\\.ts$": ["ts-jest", { useESM: true, tsconfig: "<rootDir>/tsconfig.json" }],
  },
};
