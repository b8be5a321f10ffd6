import { html } from "lit";
import type { TemplateResult } from "lit";
import type { TeamReport } from "../../api-client/index.js";
import type { Messages } from "../../i18n/index.js";
import { reportSkills, skillOf } from "./report-rows.js";
import type { GroupRow } from "./report-rows.js";

const BANDS = ["EMERGING", "DEVELOPING", "STRONG"] as const;

/**
 * The charts' text alternative: per skill a table of every group (hidden ones say why, with
 * no figure), then everyone's averages month by month. It sits in a `<details>` as in
 * `<rs-history>`, so the charts come first and anyone can open the numbers.
 */
export function renderReportTables(
  report: TeamReport,
  rows: readonly GroupRow[],
  messages: Messages,
  format: { month: (month: string) => string; alpha: (alpha: number) => string },
): TemplateResult {
  const skills = reportSkills(report);
  const th = (text: string): TemplateResult => html`<th scope="col">${text}</th>`;
  return html`
    <details class="table-toggle" part="table-toggle">
      <summary part="table-button">${messages.showTable}</summary>
      ${skills.map(
        ({ slug, name }) => html`
          <table part="table">
            <caption>
              ${name}
            </caption>
            <thead>
              <tr>
                ${[
                  messages.group,
                  messages.responses,
                  messages.average,
                  ...BANDS.map(messages.band),
                  messages.reliability,
                ].map(th)}
              </tr>
            </thead>
            <tbody>
              ${rows.map(({ name: group, group: figures }) => {
                const skill = skillOf(figures, slug);
                const alpha = skill?.reliability;
                return html`
                  <tr>
                    <th scope="row">${group}</th>
                    ${
                      skill
                        ? html`
                            <td>${skill.participants}</td>
                            <td>${Math.round(skill.mean)}</td>
                            <td>${skill.bands.emerging}</td>
                            <td>${skill.bands.developing}</td>
                            <td>${skill.bands.strong}</td>
                            <td>
                              ${alpha ? `${format.alpha(alpha.cronbachAlpha)} (n ${alpha.participants})` : "–"}
                            </td>
                          `
                        : html`<td colspan="6">
                            ${figures.suppressed ? messages.hiddenGroup(report.minGroupSize) : "–"}
                          </td>`
                    }
                  </tr>
                `;
              })}
            </tbody>
          </table>
        `,
      )}
      <table part="table">
        <caption>
          ${messages.trendCaption}
        </caption>
        <thead>
          <tr>
            ${[messages.month, messages.responses, ...skills.map(({ name }) => name)].map(th)}
          </tr>
        </thead>
        <tbody>
          ${report.overall.trend.map(
            ({ month, participants, skills: means }) => html`
              <tr>
                <th scope="row">${format.month(month)}</th>
                <td>${participants}</td>
                ${skills.map(({ slug }) => {
                  const mean = means.find(({ skill }) => skill.slug === slug)?.mean;
                  return html`<td>${mean === undefined ? "–" : Math.round(mean)}</td>`;
                })}
              </tr>
            `,
          )}
        </tbody>
      </table>
    </details>
  `;
}
