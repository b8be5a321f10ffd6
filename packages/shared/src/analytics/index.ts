export * from "./cronbach-alpha.js";
export * from "./moments.js";
