export { ContentError, readLibrary } from "./content.reader.js";
export type { ContentProblem, Library } from "./content.reader.js";
export { contentHash, importLibrary } from "./content.importer.js";
export type { ImportReport } from "./content.importer.js";
