// The operations <rs-assessment> sends, as it sends them: copied from
// packages/widget/src/api-client/attempt-documents.ts (the widget's build is one bundle, whose
// documents cannot be imported). Keep them in step with that file: the point of case 2 is to
// load the API exactly as employees' browsers do.

const RESULT_FIELDS = `submittedAt
    scores { skill { slug name } score band feedback nextStep }
    recommendedLessons {
      slug title minutes keyIdea whyItMatters practice reflectionQuestion skill { slug name }
    }`;

const ATTEMPT_FIELDS = `id status
    assessment {
      slug title description estimatedMinutes
      items { id kind prompt required options { id label } }
    }
    answers { itemId optionId value text sequence }
    result { ${RESULT_FIELDS} }`;

export const START_ATTEMPT = {
  operationName: "WidgetStartAttempt",
  query: `mutation WidgetStartAttempt($slug: String!, $locale: Locale) {
  startAttempt(input: { assessmentSlug: $slug }, locale: $locale) { ${ATTEMPT_FIELDS} }
}`,
};

export const SAVE_ANSWER = {
  operationName: "WidgetSaveAnswer",
  query: `mutation WidgetSaveAnswer($input: SaveAnswerInput!) {
  saveAnswer(input: $input) { id }
}`,
};

export const SUBMIT_ATTEMPT = {
  operationName: "WidgetSubmitAttempt",
  query: `mutation WidgetSubmitAttempt($input: SubmitAttemptInput!, $locale: Locale) {
  submitAttempt(input: $input, locale: $locale) { ${RESULT_FIELDS} }
}`,
};

/** A request body as the widget's graphqlRequest() builds it. */
export function operationBody(document, variables) {
  return JSON.stringify({
    query: document.query,
    operationName: document.operationName,
    variables,
  });
}

/** The widget's request headers (its Accept first names the GraphQL-over-HTTP media type). */
export const WIDGET_HEADERS = {
  "Content-Type": "application/json",
  Accept: "application/graphql-response+json, application/json",
};

// From packages/widget/src/api-client/report-documents.ts: what <rs-team-report> asks for.
const GROUP_FIELDS = `key suppressed participants
    skills { skill { slug name } participants mean bands { emerging developing strong }
      reliability { cronbachAlpha participants } }`;

export const TEAM_REPORT = {
  operationName: "WidgetTeamReport",
  query: `query WidgetTeamReport($input: TeamReportInput!, $locale: Locale) {
  teamReport(input: $input, locale: $locale) {
    groupBy from to minGroupSize
    overall { ${GROUP_FIELDS} trend { month participants skills { skill { slug } mean } } }
    groups { ${GROUP_FIELDS} }
  }
}`,
};
