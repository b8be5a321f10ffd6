export * from "./answer.js";
export * from "./band.js";
export * from "./score-attempt.js";
export * from "./scoring-error.js";
export * from "./scoring-item.js";
export * from "./weakest-skills.js";
export * from "./recommend-lessons.js";
export * from "./band-feedback.js";
export { resolveAnswers } from "./resolve-answers.js";
