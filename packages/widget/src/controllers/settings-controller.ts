import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { Locale } from "@real-skills/shared";
import { currentToken, readClaims } from "../api-client/index.js";
import { getConfig, onConfigChange, resolveEndpoint } from "../config.js";
import type { TokenProvider } from "../config.js";
import { browserLanguages, chosenLocale, resolveLocale } from "../i18n/index.js";
import type { LocaleSources } from "../i18n/index.js";

/** An element with the two attributes every Real Skills element shares. */
export interface SettingsHost extends ReactiveControllerHost {
  endpoint?: string | undefined;
  locale?: string | undefined;
  /** Employee elements only: their own token provider, over `configure({ getToken })`. */
  getToken?: TokenProvider | undefined;
}

export interface SettingsOptions {
  /**
   * Set for employee elements: they have a token, so its `locale` claim counts, between
   * `configure({ locale })` and the browser's languages.
   */
  usesToken?: boolean;
}

/**
 * Resolves the host's endpoint and locale from its attributes, `configure()`, the embed token and
 * the browser, and re-renders the host when `configure()` or the browser's language list
 * changes, so that a page may configure the widget after its elements have rendered.
 */
export class SettingsController implements ReactiveController {
  private stopListening: (() => void) | undefined;
  private readonly refresh = (): void => {
    this.host.requestUpdate();
  };
  private readonly usesToken: boolean;
  /** The provider whose token's claims were read (or are being read), and its `locale` claim. */
  private tokenReadFrom: TokenProvider | undefined;
  private tokenLocale: string | undefined;
  private readingToken = false;

  constructor(
    private readonly host: SettingsHost,
    { usesToken = false }: SettingsOptions = {},
  ) {
    this.usesToken = usesToken;
    host.addController(this);
  }

  get endpoint(): string {
    return resolveEndpoint(this.host.endpoint);
  }

  get locale(): Locale {
    return resolveLocale({ ...this.sourcesBesideToken(), token: this.tokenLocale });
  }

  /**
   * False while the locale still depends on a token being read. Requests wait until it is true,
   * so that content is asked for once, in the language it will be shown in.
   */
  get ready(): boolean {
    return !this.readingToken || chosenLocale(this.sourcesBesideToken()) !== undefined;
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

  /** Reads the claims of a new provider's token; it runs before the host's other controllers. */
  hostUpdate(): void {
    const provider = this.getToken;
    if (!this.usesToken || provider === this.tokenReadFrom) return;
    this.tokenReadFrom = provider;
    this.tokenLocale = undefined;
    this.readingToken = provider !== undefined;
    if (!provider) return;
    // The token is cached per provider, so the element's own requests reuse this one.
    void currentToken(provider).then((token) => {
      if (provider !== this.tokenReadFrom) return;
      this.readingToken = false;
      if (token.ok) this.tokenLocale = readClaims(token.value).locale;
      this.host.requestUpdate();
    });
  }

  private sourcesBesideToken(): LocaleSources {
    return {
      attribute: this.host.locale,
      configured: getConfig().locale,
      languages: browserLanguages(),
    };
  }
}
