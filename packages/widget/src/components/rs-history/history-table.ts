import { html } from "lit";
import type { TemplateResult } from "lit";
import type { HistoryAttempt } from "../../api-client/index.js";
import type { Messages } from "../../i18n/index.js";

/**
 * The charts' text alternative: every score of every attempt, newest first. It sits in a
 * `<details>` so that sighted readers see the charts first and anyone can open the numbers.
 */
export function renderHistoryTable(
  attempts: readonly HistoryAttempt[],
  messages: Messages,
  formatDate: (iso: string) => string,
): TemplateResult {
  return html`
    <details class="table-toggle" part="table-toggle">
      <summary part="table-button">${messages.showTable}</summary>
      <table part="table">
        <thead>
          <tr>
            <th scope="col">${messages.date}</th>
            <th scope="col">${messages.assessment}</th>
            <th scope="col">${messages.skill}</th>
            <th scope="col">${messages.score}</th>
            <th scope="col">${messages.bandHeading}</th>
          </tr>
        </thead>
        <tbody>
          ${attempts.flatMap((attempt) =>
            (attempt.result?.scores ?? []).map(
              (score) => html`
                <tr>
                  <td>${formatDate(attempt.submittedAt)}</td>
                  <td>${attempt.assessment.title}</td>
                  <th scope="row">${score.skill.name}</th>
                  <td>${score.score}</td>
                  <td>${messages.band(score.band)}</td>
                </tr>
              `,
            ),
          )}
        </tbody>
      </table>
    </details>
  `;
}
