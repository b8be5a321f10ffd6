import { preset } from "../../jest.preset.js";

export default {
  ...preset,
  // Each test file boots its own database; PGlite start-up dominates, so allow for it.
  testTimeout: 60_000,
  maxWorkers: 2,
};
