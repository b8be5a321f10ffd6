export { ContentError, readLibrary } from "./content.reader.js";
export type { ContentProblem, Library } from "./content.reader.js";
export { importLibrary } from "./content.importer.js";
export type { ImportReport } from "./content.importer.js";
export { validateAuthoredAssessment } from "./authored-assessment.js";
export { measuredSkills } from "./content.rules.js";
export type { FieldProblem } from "./content.rules.js";
export { slugSchema, type VersionContent } from "./content.schema.js";
export {
  contentHash,
  insertDraftVersion,
  publishVersion,
  replaceDraftContent,
} from "./version.writer.js";
