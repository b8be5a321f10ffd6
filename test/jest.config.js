import { preset } from "../jest.preset.js";

export default {
  ...preset,
  // Real processes, a real browser: generous timeouts, one file at a time on a 2-core machine.
  testTimeout: 120_000,
  maxWorkers: 1,
  testMatch: ["<rootDir>/e2e/**/*.e2e.test.ts"],
};
