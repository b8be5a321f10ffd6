import { html } from "lit";
import type { TemplateResult } from "lit";
import { CLIENT_ERROR_CODES } from "../../api-client/index.js";
import type { ApiError } from "../../api-client/index.js";
import type { Messages } from "../../i18n/index.js";

/** The loading message every element shows while it waits for the API. */
export function renderLoading(messages: Messages): TemplateResult {
  return html`<p class="status" part="status" role="status">${messages.loading}</p>`;
}

/** A message that is not an error: nothing chosen, nothing found, nothing there yet. */
export function renderNotice(text: string): TemplateResult {
  return html`<p class="status" part="status" role="status">${text}</p>`;
}

/**
 * An error box with a retry button. The reader sees our own words in their language; the API's
 * message (English, for developers) only travels in the `rs-error` event.
 */
export function renderError(
  messages: Messages,
  headline: string,
  error: ApiError,
  onRetry: () => void,
): TemplateResult {
  const hint = error.code === CLIENT_ERROR_CODES.NETWORK_ERROR ? messages.checkConnection : "";
  return html`
    <div class="error" part="error" role="alert">
      <p>${headline} ${hint}</p>
      <button type="button" class="button-primary" part="retry-button" @click=${onRetry}>
        ${messages.retry}
      </button>
    </div>
  `;
}

/**
 * Employee elements without a usable token: the host page has not signed the employee in, or
 * its token was refused. The retry button asks the page's `getToken` again.
 */
export function renderSignIn(messages: Messages, onRetry: () => void): TemplateResult {
  return html`
    <div class="sign-in" part="sign-in" role="status">
      <p>${messages.signInNeeded}</p>
      <button type="button" class="button-quiet" part="retry-button" @click=${onRetry}>
        ${messages.retry}
      </button>
    </div>
  `;
}
