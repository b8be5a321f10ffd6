import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { Locale } from "@real-skills/shared";
import { getConfig, onConfigChange, resolveEndpoint } from "../config.js";
import type { TokenProvider } from "../config.js";
import { browserLanguages, resolveLocale } from "../i18n/index.js";

/** An element with the two attributes every Real Skills element shares. */
export interface SettingsHost extends ReactiveControllerHost {
  endpoint?: string | undefined;
  locale?: string | undefined;
  /** Employee elements only: their own token provider, over `configure({ getToken })`. */
  getToken?: TokenProvider | undefined;
}

/**
 * Resolves the host's endpoint and locale from its attributes, `configure()` and the browser, and
 * re-renders the host when `configure()` or the browser's language list changes, so that a page
 * may configure the widget after its elements have rendered.
 */
export class SettingsController implements ReactiveController {
  private stopListening: (() => void) | undefined;
  private readonly refresh = (): void => {
    this.host.requestUpdate();
  };

  constructor(private readonly host: SettingsHost) {
    host.addController(this);
  }

  get endpoint(): string {
    return resolveEndpoint(this.host.endpoint);
  }

  get locale(): Locale {
    return resolveLocale({
      attribute: this.host.locale,
      configured: getConfig().locale,
      languages: browserLanguages(),
    });
  }

  /** The element's `getToken` property, else `configure({ getToken })`. */
  get getToken(): TokenProvider | undefined {
    return this.host.getToken ?? getConfig().getToken;
  }

  hostConnected(): void {
    const stopConfig = onConfigChange(this.refresh);
    window.addEventListener("languagechange", this.refresh);
    this.stopListening = () => {
      stopConfig();
      window.removeEventListener("languagechange", this.refresh);
    };
  }

  hostDisconnected(): void {
    this.stopListening?.();
    this.stopListening = undefined;
  }
}
