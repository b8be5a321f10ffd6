import { html, LitElement } from "lit";
import type { TemplateResult } from "lit";
import { property } from "lit/decorators.js";
import { ERROR_CODES, WIDGET_EVENTS } from "@real-skills/shared";
import { fetchHistory } from "../../api-client/index.js";
import type { HistoryAttempt } from "../../api-client/index.js";
import type { TokenProvider } from "../../config.js";
import { QueryController } from "../../controllers/query-controller.js";
import { SettingsController } from "../../controllers/settings-controller.js";
import { dispatchWidgetEvent } from "../../events.js";
import { messagesFor } from "../../i18n/index.js";
import type { Messages } from "../../i18n/index.js";
import { renderTrendChart } from "../charts/trend-chart.js";
import { renderError, renderLoading, renderNotice, renderSignIn } from "../states/states.js";
import { toSeries } from "./history-series.js";
import { renderHistoryTable } from "./history-table.js";
import { rsHistoryStyles } from "./rs-history.styles.js";

/**
 * The signed-in employee's own results over time: per skill, a small chart of the scores of
 * every submitted assessment, with a table of the same numbers. Nobody else sees these.
 *
 * @attr assessment - Only results of this assessment (its slug); all assessments without it.
 * @attr endpoint - GraphQL endpoint; overrides `configure({ endpoint })`.
 * @attr locale - Language of texts and content (`en`, `de`, or a tag such as `de-CH`); overrides
 *   `configure({ locale })`, the embed token's `locale` claim and the browser's languages.
 * @attr theme - `light` or `dark` pins the colour scheme; without it the element follows the
 *   system's preference.
 * @prop {string | undefined} assessment - Reflects the `assessment` attribute.
 * @prop {string | undefined} endpoint - Reflects the `endpoint` attribute.
 * @prop {string | undefined} locale - Reflects the `locale` attribute.
 * @prop {"light" | "dark" | undefined} theme - Reflects the `theme` attribute.
 * @prop {(() => string | Promise<string>) | undefined} getToken - Returns an embed token for the
 *   employee; overrides `configure({ getToken })`. A property only: tokens never go into
 *   attributes. Without one the element asks the employee to sign in.
 *
 * @fires rs-error - No token, a refused token (`UNAUTHENTICATED`), or loading failed;
 *   `detail: { code, message }`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart skill-list - The list of skills.
 * @csspart skill - One skill: its name, latest score and chart.
 * @csspart skill-name - The skill's heading.
 * @csspart latest - The latest score and band in words.
 * @csspart chart - The SVG chart of one skill's scores over time.
 * @csspart table-toggle - The `<details>` that holds the table.
 * @csspart table-button - The `<summary>` that shows and hides the table.
 * @csspart table - The table of every score: date, assessment, skill, score and band.
 * @csspart status - The loading and "no results yet" messages.
 * @csspart sign-in - The message shown when the employee is not signed in.
 * @csspart error - The error message box.
 * @csspart retry-button - Loads again after an error or a sign-in.
 *
 * @cssprop --rs-font-family - Font stack (default: the system UI font).
 * @cssprop --rs-font-size - Base size; everything else scales in `em` (default `16px`).
 * @cssprop --rs-color-text - Body text.
 * @cssprop --rs-color-muted - Secondary text such as the latest score.
 * @cssprop --rs-color-surface - Background.
 * @cssprop --rs-color-border - Table rules and the charts' band guides, as a lighter mix.
 * @cssprop --rs-color-accent - Chart lines and dots, links and buttons.
 * @cssprop --rs-color-on-accent - Text on accent-coloured buttons.
 * @cssprop --rs-color-danger - Marks error messages.
 * @cssprop --rs-color-focus - Focus ring (default: the accent colour).
 * @cssprop --rs-radius - Corner radius.
 */
export class RsHistory extends LitElement {
  static override styles = rsHistoryStyles;

  @property() assessment: string | undefined;
  @property() endpoint: string | undefined;
  @property() locale: string | undefined;
  @property({ reflect: true }) theme: "light" | "dark" | undefined;
  @property({ attribute: false }) getToken: TokenProvider | undefined;

  private readonly settings = new SettingsController(this, { usesToken: true });

  private readonly history = new QueryController(this, {
    // The provider itself cannot be compared by value; whether there is one is what matters.
    // Nothing is asked for until the token has told the employee's language.
    args: () =>
      this.settings.ready
        ? ([
            this.settings.endpoint,
            this.settings.locale,
            this.assessment?.trim() || undefined,
            this.settings.getToken !== undefined,
          ] as const)
        : undefined,
    run: ([endpoint, locale, assessment], signal) =>
      fetchHistory({ endpoint, locale, getToken: this.settings.getToken }, assessment, signal),
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
    const current = this.history.state;
    const retry = (): void => {
      this.history.retry();
    };
    switch (current.status) {
      case "idle":
      case "loading":
        return renderLoading(messages);
      case "error":
        return current.error.code === ERROR_CODES.UNAUTHENTICATED
          ? renderSignIn(messages, retry)
          : renderError(messages, messages.historyLoadFailed, current.error, retry);
      case "complete":
        return this.renderHistory(current.value, messages);
    }
  }

  private renderHistory(attempts: HistoryAttempt[], messages: Messages): TemplateResult {
    const series = toSeries(attempts);
    if (series.length === 0) return renderNotice(messages.emptyHistory);
    const dates = new Intl.DateTimeFormat(this.settings.locale, { dateStyle: "medium" });
    const formatDate = (iso: string): string => dates.format(new Date(iso));
    return html`
      <ul class="series" part="skill-list" role="list">
        ${series.map((skill) => {
          const latest = skill.points[skill.points.length - 1];
          return html`
            <li part="skill">
              <h2 class="skill-name" part="skill-name">${skill.name}</h2>
              <p class="latest" part="latest">
                ${
                  latest
                    ? messages.scoreSummary(
                        formatDate(latest.submittedAt),
                        latest.score,
                        messages.band(latest.band),
                      )
                    : ""
                }
              </p>
              ${renderTrendChart(
                messages.historyChart(skill.name),
                skill.points.map((point) => ({ at: point.submittedAt, score: point.score })),
                formatDate,
              )}
            </li>
          `;
        })}
      </ul>
      ${renderHistoryTable(attempts, messages, formatDate)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "rs-history": RsHistory;
  }
}
