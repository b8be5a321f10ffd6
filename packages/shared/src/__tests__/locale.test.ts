import { negotiateLocale, pickText } from "../locale.js";

describe("negotiateLocale", () => {
  it.each([
    ["de-DE,de;q=0.9,en;q=0.8", "de"],
    ["en-GB", "en"],
    ["fr-FR, de;q=0.5", "de"],
    ["en;q=0.4, de;q=0.6", "de"],
    ["de;q=0, en", "en"],
    ["DE-ch", "de"],
    ["*", undefined],
    ["fr, it", undefined],
    ["", undefined],
    [undefined, undefined],
    [";;;,,q=", undefined],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it("keeps header order between equal qualities", () => {
    expect(negotiateLocale("de, en")).toBe("de");
    expect(negotiateLocale("en, de")).toBe("en");
  });
});

describe("pickText", () => {
  it("returns the requested locale and falls back to English when it is missing or blank", () => {
    expect(pickText({ en: "Hello", de: "Hallo" }, "de")).toBe("Hallo");
    expect(pickText({ en: "Hello", de: "" }, "de")).toBe("Hello");
    expect(pickText({ en: "Hello" }, "de")).toBe("Hello");
  });
});
