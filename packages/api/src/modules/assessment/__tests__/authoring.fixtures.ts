/** Test data and operations shared by the authoring tests. */

const text = (en: string, de: string) => ({ en, de });

/** A valid `AssessmentInput`: five items, one of each kind plus a reverse-scored LIKERT item. */
export function validAssessmentInput(slug: string) {
  return {
    slug,
    title: text("Meetings that decide", "Besprechungen, die entscheiden"),
    description: text("How your team decides together.", "Wie Ihr Team gemeinsam entscheidet."),
    estimatedMinutes: 3,
    items: [
      {
        key: "separate-outcome",
        kind: "LIKERT",
        skill: "decision-quality",
        prompt: text(
          "I judge a decision by what we knew when we made it.",
          "Ich beurteile eine Entscheidung nach dem, was wir damals wussten.",
        ),
      },
      {
        key: "sunk-cost",
        kind: "LIKERT",
        skill: "decision-quality",
        reverseScored: true,
        prompt: text(
          "Once we have invested a lot, we should finish what we started.",
          "Wenn wir viel investiert haben, sollten wir zu Ende bringen, was wir begonnen haben.",
        ),
      },
      {
        key: "late-project",
        kind: "SITUATIONAL",
        prompt: text(
          "A project runs late. What do you do first?",
          "Ein Projekt verspätet sich. Was tun Sie zuerst?",
        ),
        options: [
          {
            key: "ask-team",
            label: text("Ask the team what they need", "Das Team fragen, was es braucht"),
            skillPoints: [
              { skill: "responsibility", points: 3 },
              { skill: "decision-quality", points: 1 },
            ],
          },
          {
            key: "escalate",
            label: text("Escalate to management", "An die Leitung eskalieren"),
            skillPoints: [{ skill: "responsibility", points: 1 }],
          },
          { key: "wait", label: text("Wait and see", "Abwarten") },
        ],
      },
      {
        key: "mindset",
        kind: "FORCED_CHOICE",
        prompt: text("Which is closer to you?", "Was liegt Ihnen näher?"),
        options: [
          { key: "plan", label: text("Stick to the plan", "Am Plan festhalten") },
          {
            key: "learn",
            label: text("Change the plan when we learn", "Den Plan ändern, wenn wir lernen"),
            skillPoints: [{ skill: "learning-from-failure", points: 2 }],
          },
        ],
      },
      {
        key: "reflect",
        kind: "REFLECTION",
        prompt: text(
          "Which decision would you take again?",
          "Welche Entscheidung würden Sie wieder treffen?",
        ),
      },
    ],
  };
}

export type AssessmentInputFixture = ReturnType<typeof validAssessmentInput>;

export const CREATE = `mutation($input: AssessmentInput!) {
  createAssessment(input: $input) { id slug kind archivedAt draft { version status } current { version } }
}`;

export const UPDATE = `mutation($input: AssessmentInput!) {
  updateAssessmentDraft(input: $input) { slug draft { version status } current { version } }
}`;

export const PUBLISH = `mutation($slug: String!) {
  publishAssessment(slug: $slug) { slug kind draft { version } current { version status publishedAt } }
}`;

export const ARCHIVE = `mutation($slug: String!) { archiveAssessment(slug: $slug) { slug archivedAt } }`;

export const EMPLOYEE_VIEW = `query($slug: String!) {
  assessment(slug: $slug) { slug version title items { key kind prompt options { key label } } }
}`;

export const EMPLOYEE_LIST = `{ assessments(first: 100) { totalCount nodes { slug } } }`;
