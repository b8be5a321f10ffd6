// Equal to `version` in package.json; the Rollup build stops when the two differ.
export const VERSION = "0.1.0";
