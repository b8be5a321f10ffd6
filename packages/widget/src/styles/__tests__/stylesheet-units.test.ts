import type { CSSResult } from "lit";
import { lessonContentStyles } from "../../components/lesson-content/lesson-content.styles.js";
import { resultStyles } from "../../components/rs-assessment/result.styles.js";
import { rsAssessmentStyles } from "../../components/rs-assessment/rs-assessment.styles.js";
import { rsHistoryStyles } from "../../components/rs-history/rs-history.styles.js";
import { rsLessonStyles } from "../../components/rs-lesson/rs-lesson.styles.js";
import { rsLibraryStyles } from "../../components/rs-library/rs-library.styles.js";
import { stateStyles } from "../../components/states/states.styles.js";
import { chartStyles } from "../chart.styles.js";
import { controlStyles } from "../controls.styles.js";
import { hostStyles } from "../host.styles.js";
import { tableStyles } from "../table.styles.js";

/**
 * Lengths in `em` and `px` only. `rem` follows the page's root font size (intranets often set
 * 62.5%), viewport units follow a window the widget may fill only a corner of, and print units
 * have no place on screen. The element arrays hold each element's own sheet besides the shared
 * ones, so every `*.styles.ts` is read as it ships.
 */
const SHEETS: [string, CSSResult[]][] = [
  ["styles/host.styles.ts", [hostStyles]],
  ["styles/controls.styles.ts", [controlStyles]],
  ["styles/chart.styles.ts", [chartStyles]],
  ["styles/table.styles.ts", [tableStyles]],
  ["states/states.styles.ts", [stateStyles]],
  ["lesson-content/lesson-content.styles.ts", [lessonContentStyles]],
  ["rs-assessment/result.styles.ts", [resultStyles]],
  ["rs-assessment/rs-assessment.styles.ts", rsAssessmentStyles],
  ["rs-history/rs-history.styles.ts", rsHistoryStyles],
  ["rs-lesson/rs-lesson.styles.ts", rsLessonStyles],
  ["rs-library/rs-library.styles.ts", rsLibraryStyles],
];

const ALLOWED_UNITS = new Set(["em", "px", "%", "s", "ms", "deg", "fr"]);

/** Every number with a unit outside the allowed ones, as written. */
function foreignUnits(cssText: string): string[] {
  // A number right after a letter, `#` or `-` belongs to a name or a hex colour.
  return [...cssText.matchAll(/(?<![\w#-])\d*\.?\d+([a-z]+|%)/gi)]
    .filter(([, unit = ""]) => !ALLOWED_UNITS.has(unit.toLowerCase()))
    .map(([match]) => match);
}

describe("style sheets", () => {
  it.each(SHEETS)("%s sizes in em and px only", (_file, sheets) => {
    const cssText = sheets.map((sheet) => sheet.cssText).join("\n");
    expect(cssText.length).toBeGreaterThan(0);
    expect(foreignUnits(cssText)).toEqual([]);
  });

  it("would catch rem, viewport and print units", () => {
    const sample = "padding: 1.5rem 2vw; margin: .5REM 3pt; color: #0b57d0; gap: 1em 2px 50%";
    expect(foreignUnits(sample)).toEqual(["1.5rem", "2vw", ".5REM", "3pt"]);
  });
});
