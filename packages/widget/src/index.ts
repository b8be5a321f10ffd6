// The npm entry: element classes, configuration and types, and no side effects. Importing this
// module registers nothing; import "@real-skills/widget/define" (or call `defineElements`) for
// that, so that an application can register the classes under names of its own choosing.
export { RsAssessment } from "./components/rs-assessment/rs-assessment.js";
export { RsHistory } from "./components/rs-history/rs-history.js";
export { RsLesson } from "./components/rs-lesson/rs-lesson.js";
export { RsLibrary } from "./components/rs-library/rs-library.js";
export { RsTeamReport } from "./components/rs-team-report/rs-team-report.js";
export { configure, DEFAULT_ENDPOINT, getConfig } from "./config.js";
export type { TokenProvider, WidgetConfig } from "./config.js";
export type { WidgetEventMap } from "./events.js";
export { VERSION } from "./version.js";
export { CLIENT_ERROR_CODES } from "./api-client/index.js";
export type {
  ApiError,
  ApiErrorCode,
  ClientErrorCode,
  ReportGroup,
  ReportGrouping,
  ReportSkill,
  ReportTrendPoint,
  TeamReport,
} from "./api-client/index.js";
export { ERROR_CODES, SUPPORTED_LOCALES, WIDGET_EVENTS } from "@real-skills/shared";
export type {
  AnswerDetail,
  Band,
  CompleteDetail,
  ErrorCode,
  LessonOpenDetail,
  Locale,
  StartDetail,
  WidgetErrorDetail,
  WidgetEventName,
} from "@real-skills/shared";
