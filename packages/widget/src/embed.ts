// The script-tag entry (`real-skills.js`): registers the elements, applies the script tag's
// `data-endpoint` and `data-locale`, replays what the page asked of the pre-load stub and
// installs `window.RealSkills`. It exports nothing, so the IIFE bundle never assigns a global of
// its own. A second copy of the script never gets this far: the guard that Rollup puts at the top
// of the bundle (rollup.config.mjs) hands its data-* settings to the first copy and stops.
import "./define.js";
import { drain, isStub } from "./embed-queue.js";
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
const stub: unknown = window.RealSkills;

// The tag's data-* settings come first, so that the page's own configure() calls win over them
// whether they were made before the script loaded or after.
configure(settingsFrom(script));
const realSkills: RealSkillsGlobal = Object.freeze({ configure, version: VERSION });
// Installed before the replay, so that anything a replayed call sets off reaches the real object.
window.RealSkills = realSkills;
if (isStub(stub)) drain(stub, realSkills, reportError);

function settingsFrom(element: HTMLOrSVGScriptElement | null): WidgetConfig {
  const settings: WidgetConfig = {};
  const endpoint = element?.dataset.endpoint;
  const locale = element?.dataset.locale;
  if (endpoint) settings.endpoint = endpoint;
  if (locale) settings.locale = locale;
  return settings;
}
