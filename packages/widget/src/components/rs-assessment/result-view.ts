import { html, nothing } from "lit";
import type { TemplateResult } from "lit";
import type { AttemptResultData, LessonContent } from "../../api-client/index.js";
import type { Messages } from "../../i18n/index.js";
import { renderBarChart } from "../charts/bar-chart.js";

export interface ResultProps {
  result: AttemptResultData;
  /** Why "Take it again" cannot start now, or "". */
  retakeNotice: string;
  onOpenLesson: (lesson: LessonContent) => void;
  onRetake: () => void;
}

/** The scores as a chart and in words, with feedback, a next step and lessons to read. */
export function renderResult(props: ResultProps, messages: Messages): TemplateResult {
  const { scores, recommendedLessons } = props.result;
  return html`
    <section class="result" part="result" aria-labelledby="result-title">
      <h2 id="result-title" class="title" part="title" tabindex="-1" data-focus>
        ${messages.resultTitle}
      </h2>
      ${renderBarChart(
        `${messages.scoresChart}: ${scores
          .map(({ skill, score, band }) =>
            messages.scoreSummary(skill.name, score, messages.band(band)),
          )
          .join("; ")}`,
        scores.map(({ skill, score }) => ({ name: skill.name, score })),
      )}
      <ul class="scores" part="score-list" role="list">
        ${scores.map(
          (score) => html`
            <li class="score" part="score">
              <h3 class="score-skill" part="skill-name">${score.skill.name}</h3>
              <p class="score-line">
                <strong>${messages.scoreOutOf(score.score)}</strong>
                <span aria-hidden="true">·</span>
                <span class="band" part="band">${messages.band(score.band)}</span>
              </p>
              <p>${score.feedback}</p>
              <p class="next-step" part="next-step">
                <strong>${messages.tryThisWeek}:</strong> ${score.nextStep}
              </p>
            </li>
          `,
        )}
      </ul>
      ${
        recommendedLessons.length === 0
          ? nothing
          : html`
              <section class="recommended" part="recommended" aria-labelledby="recommended-title">
                <h3 id="recommended-title">${messages.recommendedLessons}</h3>
                <ul class="lessons" part="lesson-list" role="list">
                  ${recommendedLessons.map(
                    (lesson) => html`
                      <li>
                        <button
                          type="button"
                          class="lesson-button"
                          part="lesson-button"
                          data-slug=${lesson.slug}
                          @click=${() => {
                            props.onOpenLesson(lesson);
                          }}
                        >
                          <span class="lesson-button-title">${lesson.title}</span>
                          <span class="lesson-button-minutes"
                            >${messages.minutes(lesson.minutes)}</span
                          >
                        </button>
                      </li>
                    `,
                  )}
                </ul>
              </section>
            `
      }
      <div class="actions">
        <button type="button" class="button-quiet" part="retake-button" @click=${props.onRetake}>
          ${messages.retake}
        </button>
      </div>
      <p class="status" part="status" role="status">${props.retakeNotice}</p>
    </section>
  `;
}
