import type { Band } from "@real-skills/shared";

/**
 * Every text the widget itself shows (content comes from the API). Counts are functions so each
 * language can pick its own plural forms.
 */
export interface Messages {
  loading: string;
  libraryLoadFailed: string;
  lessonLoadFailed: string;
  /** Added when no answer came at all, so the reader knows the fix may be on their side. */
  checkConnection: string;
  retry: string;
  emptyLibrary: string;
  minutes: (count: number) => string;
  lessonCount: (count: number) => string;
  /** Accessible name of the list of lessons under one skill. */
  lessonsOf: (skillName: string) => string;
  keyIdea: string;
  whyItMatters: string;
  practice: string;
  reflect: string;
  backToLibrary: string;
  lessonNotFound: string;
  noLessonSelected: string;

  /** Shown by employee elements when no token could be had or the API refused it twice. */
  signInNeeded: string;
  assessmentLoadFailed: string;
  historyLoadFailed: string;
  /** The privacy promise on the assessment's intro. */
  privacyNote: string;
  questionCount: (count: number) => string;
  start: string;
  /** The start button when the server already holds answers to this attempt. */
  resume: string;
  questionOf: (position: number, total: number) => string;
  optional: string;
  /** The five points of the agreement scale, from 1 to 5. */
  likert: readonly [string, string, string, string, string];
  back: string;
  next: string;
  backToReview: string;
  saving: string;
  saved: string;
  savedOnDevice: string;
  reviewTitle: string;
  reviewHint: string;
  noAnswer: string;
  change: string;
  /** Accessible name of the change button of one question. */
  changeAnswer: (position: number) => string;
  submit: string;
  submitting: string;
  submitFailed: string;
  resultTitle: string;
  band: (band: Band) => string;
  /** One skill's score in words, for charts and their text alternatives. */
  scoreSummary: (skill: string, score: number, band: string) => string;
  scoresChart: string;
  scoreOutOf: (score: number) => string;
  tryThisWeek: string;
  recommendedLessons: string;
  backToResult: string;
  retake: string;
  /** The retake cooldown without a known end. */
  retakeLater: string;
  /** The retake cooldown until a day, already formatted for the locale ("3 December"). */
  retakeFrom: (day: string) => string;
  emptyHistory: string;
  historyChart: (skill: string) => string;
  showTable: string;
  date: string;
  assessment: string;
  skill: string;
  score: string;
  bandHeading: string;

  /** `<rs-team-report>`: the texts of HR's aggregate report. */
  reportLoadFailed: string;
  /** The token is an employee's: the report needs the `analyst` role. */
  reportForbidden: string;
  reportNotFound: string;
  reportBadPeriod: string;
  reportNoAssessment: string;
  /** Months already formatted for the locale ("Nov 2026"). */
  reportEmpty: (from: string, to: string) => string;
  reportPeriod: (from: string, to: string, responses: number) => string;
  reportPrivacy: (minGroupSize: number) => string;
  /** Instead of a suppressed group's figures: why it is hidden, never how many answered. */
  hiddenGroup: (minGroupSize: number) => string;
  everyone: string;
  /** A team or department that the embed tokens did not name. */
  notSet: string;
  group: string;
  responses: string;
  average: string;
  reliability: string;
  month: string;
  groupChart: (skill: string) => string;
  trendChart: (skill: string) => string;
  trendCaption: string;
}
