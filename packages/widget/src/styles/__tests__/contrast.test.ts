import type { CSSResult } from "lit";
import { stateStyles } from "../../components/states/states.styles.js";
import { chartStyles } from "../chart.styles.js";
import { controlStyles } from "../controls.styles.js";
import { hostStyles } from "../host.styles.js";

/**
 * WCAG 2.2 AA for the default palettes, read from the shipped style sheets rather than from a
 * copy, so a changed colour is checked as it ships: 4.5:1 for text, 3:1 for the outlines that
 * identify controls, the focus ring and chart bars. Each pair is one we actually draw.
 */

type Rgb = [number, number, number];
type Palette = Map<string, string>;

/** A style sheet's text without comments, whose braces would cut a rule short. */
const withoutComments = (sheet: CSSResult): string =>
  sheet.cssText.replace(/\/\*[\s\S]*?\*\//g, "");

const hostCss = withoutComments(hostStyles);

/** The private `--_*` declarations of the first rule whose selector is `selector`. */
function paletteOf(selector: string): Palette {
  const start = hostCss.indexOf(`${selector} {`);
  if (start === -1) throw new Error(`no rule ${selector} in host.styles.ts`);
  const body = hostCss.slice(start, hostCss.indexOf("}", start));
  return new Map(
    [...body.matchAll(/(--_[\w-]+):\s*([^;]+);/g)].map(([, name = "", value = ""]) => [
      name,
      value.trim(),
    ]),
  );
}

/** The value of `property` in the rule for `selector` of a style sheet. */
function declared(cssText: string, selector: string, property: string): string {
  const start = cssText.indexOf(`${selector} {`);
  const body = cssText.slice(start, cssText.indexOf("}", start));
  const value = new RegExp(`${property}:\\s*([^;]+);`).exec(body)?.[1];
  if (start === -1 || value === undefined) throw new Error(`no ${property} in ${selector}`);
  return value.trim();
}

function hexToRgb(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`expected a #rrggbb default, got ${hex}`);
  return [match[1], match[2], match[3]].map((part) => parseInt(part ?? "", 16)) as Rgb;
}

/**
 * A colour expression as the style sheets write them: `#rrggbb`, `var(--_name)`,
 * `var(--rs-…, fallback)` (the default, as no page sets it here) and
 * `color-mix(in srgb, A N%, B)`, which mixes the encoded sRGB channels.
 */
function resolve(expression: string, palette: Palette): Rgb {
  const value = expression.trim();
  if (value.startsWith("#")) return hexToRgb(value);
  const mix = /^color-mix\(in srgb,\s*(.+?)\s+(\d+)%,\s*(.+)\)$/.exec(value);
  if (mix) {
    const first = resolve(mix[1] ?? "", palette);
    const second = resolve(mix[3] ?? "", palette);
    const share = Number(mix[2]) / 100;
    return first.map(
      (channel, index) => channel * share + (second[index] ?? 0) * (1 - share),
    ) as Rgb;
  }
  const publicProperty = /^var\(--rs-[\w-]+,\s*(.+)\)$/.exec(value);
  if (publicProperty) return resolve(publicProperty[1] ?? "", palette);
  const privateProperty = /^var\((--_[\w-]+)\)$/.exec(value);
  const name = privateProperty?.[1] ?? "";
  const declaration = palette.get(name);
  if (declaration === undefined) throw new Error(`cannot resolve ${value}`);
  return resolve(declaration, palette);
}

function luminance([red, green, blue]: Rgb): number {
  const linear = (channel: number): number => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}

function contrast(first: Rgb, second: Rgb): number {
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
}

const light = paletteOf(":host");
const dark = new Map([...light, ...paletteOf(':host([theme="dark"])')]);

// Colours composed outside host.styles.ts, with the private properties they are built from.
const primaryHover = declared(
  withoutComments(controlStyles),
  ".button-primary:hover",
  "background",
);
const errorPanel = declared(withoutComments(stateStyles), ".error", "background");
const chartBar = declared(withoutComments(chartStyles), ".bar", "fill");
const chartTrack = declared(withoutComments(chartStyles), ".track", "fill");

const TEXT = 4.5;
const NON_TEXT = 3;

/** [foreground, background, minimum ratio, where it is drawn]. */
const PAIRS: [string, string, number, string][] = [
  ["var(--_text)", "var(--_surface)", TEXT, "body text"],
  ["var(--_text)", "var(--_tint)", TEXT, "text in highlighted panels and the chosen option"],
  ["var(--_text)", errorPanel, TEXT, "error messages"],
  ["var(--_muted)", "var(--_surface)", TEXT, "reading times, progress, hints"],
  ["var(--_muted)", "var(--_tint)", TEXT, "section headings of the key idea, hovered lessons"],
  ["var(--_accent)", "var(--_surface)", TEXT, "quiet buttons, lesson titles, band names"],
  ["var(--_accent)", "var(--_tint)", TEXT, "the retry button of the sign-in panel"],
  ["var(--_on-accent)", "var(--_accent)", TEXT, "primary buttons"],
  ["var(--_on-accent)", primaryHover, TEXT, "hovered primary buttons"],
  ["var(--_danger)", "var(--_surface)", TEXT, "the error marker"],
  [
    "var(--_border)",
    "var(--_surface)",
    NON_TEXT,
    "outlines of options, lesson buttons, text field",
  ],
  ["var(--_focus)", "var(--_surface)", NON_TEXT, "focus ring"],
  ["var(--_focus)", "var(--_tint)", NON_TEXT, "focus ring inside highlighted panels"],
  ["var(--_focus)", errorPanel, NON_TEXT, "focus ring on the retry button of an error"],
  ["var(--_accent)", "var(--_surface)", NON_TEXT, "chart bars, lines and dots"],
  [chartBar, chartTrack, NON_TEXT, "chart bars against their track"],
];

describe.each([
  ["light", light],
  ["dark", dark],
])("the default %s palette", (_name, palette) => {
  it.each(PAIRS)("%s on %s: at least %d:1 (%s)", (foreground, background, minimum) => {
    const ratio = contrast(resolve(foreground, palette), resolve(background, palette));
    expect(ratio).toBeGreaterThanOrEqual(minimum);
  });
});

describe("the dark palette", () => {
  it("is the same under theme=dark and under a dark system preference", () => {
    const byMedia = hostCss.slice(hostCss.indexOf("@media (prefers-color-scheme: dark)"));
    const mediaPalette = new Map(
      [...byMedia.slice(0, byMedia.indexOf("}")).matchAll(/(--_[\w-]+):\s*([^;]+);/g)].map(
        ([, name = "", value = ""]) => [name, value.trim()],
      ),
    );
    expect(mediaPalette).toEqual(paletteOf(':host([theme="dark"])'));
  });

  it("sets a default for every colour of the light palette", () => {
    const darkOwn = paletteOf(':host([theme="dark"])');
    const colours = [...light].filter(([, value]) => /^var\(--rs-color-[\w-]+, #/.test(value));
    expect(colours.map(([name]) => name).filter((name) => !darkOwn.has(name))).toEqual([]);
  });
});
