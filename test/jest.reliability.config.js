import { preset } from "../jest.preset.js";

// Faults, abuse and scale-out against real processes and a PostgreSQL server of the suite's own:
// one file at a time, with room for loads of thousands of requests.
export default {
  ...preset,
  testTimeout: 600_000,
  maxWorkers: 1,
  testMatch: ["<rootDir>/reliability/**/*.reliability.test.ts"],
};
