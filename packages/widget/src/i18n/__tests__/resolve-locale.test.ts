import { chosenLocale, resolveLocale } from "../resolve-locale.js";

describe("resolveLocale", () => {
  it("prefers the element's attribute over everything else", () => {
    expect(
      resolveLocale({ attribute: "de", configured: "en", token: "en", languages: ["en-US"] }),
    ).toBe("de");
  });

  it("uses configure() when the element has no attribute, over the token and the browser", () => {
    expect(resolveLocale({ configured: "de", token: "en", languages: ["en-US"] })).toBe("de");
  });

  it("uses the token's locale claim below configure() and above the browser", () => {
    expect(resolveLocale({ token: "de", languages: ["en-US"] })).toBe("de");
    expect(resolveLocale({ token: "en-GB", languages: ["de-DE"] })).toBe("en");
  });

  it("lets an unsupported or blank token claim fall through to the browser", () => {
    expect(resolveLocale({ token: "fr", languages: ["de-DE"] })).toBe("de");
    expect(resolveLocale({ token: "", languages: ["de-DE"] })).toBe("de");
  });

  it("falls back to the browser's languages, in their order of preference", () => {
    expect(resolveLocale({ languages: ["fr-FR", "de-AT", "en"] })).toBe("de");
    expect(resolveLocale({ languages: ["en-GB", "de"] })).toBe("en");
  });

  it("matches a region tag to its language, in any case", () => {
    expect(resolveLocale({ attribute: "DE-ch" })).toBe("de");
  });

  it("lets an unsupported or blank value fall through to the next source", () => {
    expect(resolveLocale({ attribute: "fr", configured: "de" })).toBe("de");
    expect(resolveLocale({ attribute: "", configured: "  ", languages: ["de-DE"] })).toBe("de");
  });

  it("ends at English when no source names a supported language", () => {
    expect(resolveLocale({})).toBe("en");
    expect(resolveLocale({ attribute: "fr", configured: "es", languages: ["it", "pt-BR"] })).toBe(
      "en",
    );
    expect(resolveLocale({ languages: [] })).toBe("en");
  });
});

describe("chosenLocale", () => {
  it("is the attribute's or configure()'s supported locale, never the token's or the browser's", () => {
    expect(chosenLocale({ attribute: "de-CH", configured: "en" })).toBe("de");
    expect(chosenLocale({ attribute: "fr", configured: "de" })).toBe("de");
    expect(chosenLocale({ token: "de", languages: ["de"] })).toBeUndefined();
  });
});
