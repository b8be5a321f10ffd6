import { html, LitElement } from "lit";
import type { TemplateResult } from "lit";
import { property } from "lit/decorators.js";
import { ERROR_CODES, WIDGET_EVENTS } from "@real-skills/shared";
import { fetchTeamReport } from "../../api-client/index.js";
import type { ApiError, ApiErrorCode, ReportGrouping, TeamReport } from "../../api-client/index.js";
import type { TokenProvider } from "../../config.js";
import { QueryController } from "../../controllers/query-controller.js";
import { SettingsController } from "../../controllers/settings-controller.js";
import { dispatchWidgetEvent } from "../../events.js";
import { formatMonth, messagesFor } from "../../i18n/index.js";
import type { Messages } from "../../i18n/index.js";
import { renderBarChart } from "../charts/bar-chart.js";
import { renderTrendChart } from "../charts/trend-chart.js";
import { renderError, renderLoading, renderNotice, renderSignIn } from "../states/states.js";
import { barsFor, groupRows, reportSkills, trendOf } from "./report-rows.js";
import { renderReportTables } from "./report-tables.js";
import { rsTeamReportStyles } from "./rs-team-report.styles.js";

const GROUPINGS: Readonly<Record<string, ReportGrouping>> = {
  team: "TEAM",
  department: "DEPARTMENT",
  organization: "ORGANIZATION",
};

/**
 * An HR page's report of one assessment: per skill, everyone's and each group's average as bars,
 * with a line of everyone's monthly averages, and all of it as tables. Aggregates only: a group
 * with fewer people than the organisation's minimum group size is shown as hidden, with the
 * reason and no figures, and no one's own answers ever appear.
 *
 * @attr assessment - The assessment to report on (its slug). Required.
 * @attr group-by - `team` (default), `department` or `organization`: what the bars compare.
 * @attr from - First month counted, `YYYY-MM`; the API's default is 11 months before `to`.
 * @attr to - Last month counted, `YYYY-MM`, a month that has ended; the API's default is last month.
 * @attr endpoint - GraphQL endpoint; overrides `configure({ endpoint })`.
 * @attr locale - Language of texts and skill names (`en`, `de`, or a tag such as `de-CH`);
 *   overrides `configure({ locale })`, the embed token's `locale` claim and the browser's languages.
 * @attr theme - `light` or `dark` pins the colour scheme; without it the element follows the
 *   system's preference.
 * @prop {string | undefined} assessment - Reflects the `assessment` attribute.
 * @prop {string | undefined} groupBy - Reflects the `group-by` attribute.
 * @prop {string | undefined} from - Reflects the `from` attribute.
 * @prop {string | undefined} to - Reflects the `to` attribute.
 * @prop {string | undefined} endpoint - Reflects the `endpoint` attribute.
 * @prop {string | undefined} locale - Reflects the `locale` attribute.
 * @prop {"light" | "dark" | undefined} theme - Reflects the `theme` attribute.
 * @prop {(() => string | Promise<string>) | undefined} getToken - Returns an embed token with
 *   the role `analyst`; overrides `configure({ getToken })`. A property only: tokens never go
 *   into attributes. An employee's token is refused (`FORBIDDEN`).
 *
 * @fires rs-error - No token, a refused token (`UNAUTHENTICATED`), a token without the analyst
 *   role (`FORBIDDEN`), an unknown assessment (`NOT_FOUND`), a malformed period
 *   (`BAD_USER_INPUT`), or loading failed; `detail: { code, message }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart summary - The period, the number of responses and the privacy rule.
 * @csspart skill-list - The list of skills.
 * @csspart skill - One skill: its name and charts.
 * @csspart skill-name - The skill's heading.
 * @csspart chart - An SVG chart: the groups' averages, or everyone's months.
 * @csspart table-toggle - The `<details>` that holds the tables.
 * @csspart table-button - The `<summary>` that shows and hides the tables.
 * @csspart table - One table: a skill's groups, or everyone's months.
 * @csspart status - The loading, "nothing counted" and "choose an assessment" messages.
 * @csspart sign-in - The message shown when there is no usable token.
 * @csspart error - The error message box.
 * @csspart retry-button - Loads again after an error or a sign-in.
 *
 * @cssprop --rs-font-family - Font stack (default: the system UI font).
 * @cssprop --rs-font-size - Base size; everything else scales in `em` (default `16px`).
 * @cssprop --rs-color-text - Body text and chart labels.
 * @cssprop --rs-color-muted - Secondary text such as the summary and table headings.
 * @cssprop --rs-color-surface - Background.
 * @cssprop --rs-color-border - Table rules, bar tracks and band guides, as a lighter mix.
 * @cssprop --rs-color-accent - Bars, lines and dots, and buttons.
 * @cssprop --rs-color-on-accent - Text on accent-coloured buttons.
 * @cssprop --rs-color-danger - Marks error messages.
 * @cssprop --rs-color-focus - Focus ring (default: the accent colour).
 * @cssprop --rs-radius - Corner radius.
 */
export class RsTeamReport extends LitElement {
  static override styles = rsTeamReportStyles;

  @property() assessment: string | undefined;
  @property({ attribute: "group-by" }) groupBy: string | undefined;
  @property() from: string | undefined;
  @property() to: string | undefined;
  @property() endpoint: string | undefined;
  @property() locale: string | undefined;
  @property({ reflect: true }) theme: "light" | "dark" | undefined;
  @property({ attribute: false }) getToken: TokenProvider | undefined;

  private readonly settings = new SettingsController(this, { usesToken: true });

  private readonly report = new QueryController(this, {
    args: () => {
      const assessmentSlug = this.assessment?.trim();
      if (!assessmentSlug || !this.settings.ready) return undefined;
      return [
        this.settings.endpoint,
        this.settings.locale,
        {
          assessmentSlug,
          groupBy: GROUPINGS[this.groupBy?.trim().toLowerCase() ?? ""] ?? "TEAM",
          // Left out rather than empty, so that the API's defaults apply.
          ...(this.from?.trim() ? { from: this.from.trim() } : {}),
          ...(this.to?.trim() ? { to: this.to.trim() } : {}),
        },
        this.settings.getToken !== undefined,
      ] as const;
    },
    run: ([endpoint, locale, input], signal) =>
      fetchTeamReport({ endpoint, locale, getToken: this.settings.getToken }, input, signal),
    onError: (error) => {
      dispatchWidgetEvent(this, WIDGET_EVENTS.error, { code: error.code, message: error.message });
    },
  });

  override render(): TemplateResult {
    const locale = this.settings.locale;
    const messages = messagesFor(locale);
    return html`<div class="base" part="base" lang=${locale}>${this.renderState(messages)}</div>`;
  }

  private renderState(messages: Messages): TemplateResult {
    const current = this.report.state;
    const retry = (): void => {
      this.report.retry();
    };
    if (!this.assessment?.trim()) return renderNotice(messages.reportNoAssessment);
    switch (current.status) {
      case "idle":
      case "loading":
        return renderLoading(messages);
      case "error":
        return current.error.code === ERROR_CODES.UNAUTHENTICATED
          ? renderSignIn(messages, retry)
          : renderError(messages, errorText(current.error, messages), current.error, retry);
      case "complete":
        return this.renderReport(current.value, messages);
    }
  }

  private renderReport(report: TeamReport, messages: Messages): TemplateResult {
    const locale = this.settings.locale;
    const month = (value: string): string => formatMonth(value, locale);
    const alpha = new Intl.NumberFormat(locale, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    const hidden = messages.hiddenGroup(report.minGroupSize);
    const skills = reportSkills(report);
    if (skills.length === 0) {
      return renderNotice(
        report.overall.suppressed
          ? hidden
          : messages.reportEmpty(month(report.from), month(report.to)),
      );
    }
    const rows = groupRows(report, messages);
    return html`
      <p class="summary" part="summary">
        ${messages.reportPeriod(month(report.from), month(report.to), report.overall.participants ?? 0)}
        ${messages.reportPrivacy(report.minGroupSize)}
      </p>
      <ul class="series" part="skill-list" role="list">
        ${skills.map(({ slug, name }) => {
          const bars = barsFor(rows, slug, hidden);
          const described = bars.map((bar) => `${bar.name}: ${bar.score ?? bar.note}`).join("; ");
          return html`
            <li part="skill">
              <h2 class="skill-name" part="skill-name">${name}</h2>
              ${renderBarChart(`${messages.groupChart(name)}: ${described}`, bars)}
              ${renderTrendChart(
                messages.trendChart(name),
                trendOf(report, slug),
                month,
                report.overall.trend.length,
                { title: messages.trendCaption, first: month(report.from), last: month(report.to) },
              )}
            </li>
          `;
        })}
      </ul>
      ${renderReportTables(report, rows, messages, { month, alpha: (value) => alpha.format(value) })}
    `;
  }
}

/** The reader's words for a failure: what went wrong and, where they can, what to do. */
function errorText(error: ApiError, messages: Messages): string {
  const texts: Partial<Record<ApiErrorCode, string>> = {
    [ERROR_CODES.FORBIDDEN]: messages.reportForbidden,
    [ERROR_CODES.NOT_FOUND]: messages.reportNotFound,
    [ERROR_CODES.BAD_USER_INPUT]: messages.reportBadPeriod,
  };
  return texts[error.code] ?? messages.reportLoadFailed;
}

declare global {
  interface HTMLElementTagNameMap {
    "rs-team-report": RsTeamReport;
  }
}
