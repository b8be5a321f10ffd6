/**
 * Returns an embed token for the signed-in employee, usually fetched from the host's own backend.
 * Called when an element first needs one and again once when the API rejects the cached one.
 */
export type TokenProvider = () => string | Promise<string>;

/**
 * The page-wide settings that `configure()` stores. Elements read them on every render, so a
 * later `configure()` call reaches elements that are already on the page.
 */
export interface WidgetConfig {
  /** The GraphQL endpoint, e.g. `https://skills.example.com/graphql`. */
  endpoint?: string;
  /** A BCP 47 language tag such as `de` or `de-CH`; unsupported tags fall through to the browser's. */
  locale?: string;
  /** Where employee-specific elements get their embed token; tokens never go into attributes. */
  getToken?: TokenProvider | undefined;
}

/** Where the API listens when nothing else is said: the local development server. */
export const DEFAULT_ENDPOINT = "http://localhost:4000/graphql";

type ConfigListener = () => void;

// One store per copy of the library: the script-tag bundle and an npm build on the same page keep
// separate settings, just as they keep separate element classes.
let current: Readonly<WidgetConfig> = {};
const listeners = new Set<ConfigListener>();

/**
 * Sets page-wide defaults for every Real Skills element. Keys that are left out keep their value;
 * `undefined` clears one. Element attributes always win over these settings.
 */
export function configure(settings: WidgetConfig): void {
  const next: WidgetConfig = { ...current };
  for (const key of ["endpoint", "locale"] as const) {
    if (key in settings) next[key] = nonEmpty(settings[key]);
  }
  if ("getToken" in settings) {
    next.getToken = typeof settings.getToken === "function" ? settings.getToken : undefined;
  }
  current = Object.freeze(next);
  for (const listener of listeners) listener();
}

export function getConfig(): Readonly<WidgetConfig> {
  return current;
}

/** Calls `listener` after every `configure()`; returns the function that stops it. */
export function onConfigChange(listener: ConfigListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The endpoint an element talks to: its own attribute, else `configure()`, else the default. */
export function resolveEndpoint(attribute: string | undefined): string {
  return nonEmpty(attribute) ?? current.endpoint ?? DEFAULT_ENDPOINT;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
