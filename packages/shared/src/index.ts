export * from "./auth.js";
export * from "./domain.js";
export * from "./errors.js";
export * from "./events.js";
export * from "./limits.js";
export * from "./locale.js";
export * from "./result.js";
export * from "./scoring/index.js";
