import { html, nothing } from "lit";
import type { TemplateResult } from "lit";
import type { SyncState } from "../../controllers/attempt-controller.js";
import type { Messages } from "../../i18n/index.js";

/** What the live region says: where the employee is, and where their answers are. */
export type Progress =
  | { kind: "none" }
  | { kind: "question"; position: number; total: number; sync: SyncState }
  | { kind: "review"; sync: SyncState }
  | { kind: "sending"; sync: SyncState };

/** The save state in words. */
export function syncText(sync: SyncState, messages: Messages): string {
  switch (sync) {
    case "idle":
      return "";
    case "saving":
      return messages.saving;
    case "saved":
      return messages.saved;
    case "offline":
      return messages.savedOnDevice;
  }
}

/**
 * The element's one live region: "Question 3 of 7", "Saved", "Saved on this device …", "Sending
 * your answers …". The element renders it outside its views, so one node stays in place from
 * the intro to the result, empty while there is nothing to say. Screen readers announce changes
 * to a region they already know; one that arrives together with its text often goes unheard.
 */
export function renderProgress(progress: Progress, messages: Messages): TemplateResult {
  return html`<div class="progress" part="progress">
    <div role="status">${progressText(progress, messages)}</div>
  </div>`;
}

function progressText(progress: Progress, messages: Messages): TemplateResult | typeof nothing {
  switch (progress.kind) {
    case "none":
      return nothing;
    case "question":
      return html`<p>
        <span>${messages.questionOf(progress.position, progress.total)}</span>
        <span class="sync" part="sync">${syncText(progress.sync, messages)}</span>
      </p>`;
    case "review":
      return html`<p>
        <span class="sync" part="sync">${syncText(progress.sync, messages)}</span>
      </p>`;
    case "sending":
      return html`<p>
        <span part="status">${messages.submitting}</span>
        <span class="sync" part="sync">
          ${progress.sync === "offline" ? messages.savedOnDevice : ""}
        </span>
      </p>`;
  }
}
