export { SubjectDataResolver } from "./subject-data.resolver.js";
export { SubjectDataService, subjectAuditId } from "./subject-data.service.js";
export { SubjectDataExport, SubjectErasure } from "./subject-data.types.js";
