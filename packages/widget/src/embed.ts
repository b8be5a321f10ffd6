// The script-tag entry (`real-skills.js`): registers the elements, installs `window.RealSkills`
// and applies the script tag's `data-endpoint` and `data-locale`. It exports nothing, so the
// IIFE bundle never assigns a global of its own and a second copy cannot overwrite the first.
import "./define.js";
import { configure, VERSION } from "./index.js";
import type { WidgetConfig } from "./index.js";

/** What `window.RealSkills` offers to pages that load the script tag. */
interface RealSkillsGlobal {
  configure: (settings: WidgetConfig) => void;
  version: string;
}

declare global {
  interface Window {
    RealSkills?: RealSkillsGlobal;
  }
}

// Set only while a classic script runs for the first time, so it must be read right away.
const script = document.currentScript;

// When another copy got here first, its elements are the registered ones, so its store is the
// one to configure.
window.RealSkills ??= Object.freeze({ configure, version: VERSION });
window.RealSkills.configure(settingsFrom(script));

function settingsFrom(element: HTMLOrSVGScriptElement | null): WidgetConfig {
  const settings: WidgetConfig = {};
  const endpoint = element?.dataset.endpoint;
  const locale = element?.dataset.locale;
  if (endpoint) settings.endpoint = endpoint;
  if (locale) settings.locale = locale;
  return settings;
}
