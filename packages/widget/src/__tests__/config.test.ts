import {
  configure,
  DEFAULT_ENDPOINT,
  getConfig,
  onConfigChange,
  resolveEndpoint,
} from "../config.js";

afterEach(() => {
  configure({ endpoint: undefined, locale: undefined });
});

describe("configure", () => {
  it("resolves the endpoint from the attribute, then configure(), then the default", () => {
    expect(resolveEndpoint(undefined)).toBe(DEFAULT_ENDPOINT);
    configure({ endpoint: "https://skills.example.test/graphql" });
    expect(resolveEndpoint(undefined)).toBe("https://skills.example.test/graphql");
    expect(resolveEndpoint("  ")).toBe("https://skills.example.test/graphql");
    expect(resolveEndpoint("https://other.example.test/graphql")).toBe(
      "https://other.example.test/graphql",
    );
  });

  it("keeps settings that a later call leaves out", () => {
    configure({ endpoint: "https://skills.example.test/graphql" });
    configure({ locale: "de" });
    expect(getConfig()).toEqual({ endpoint: "https://skills.example.test/graphql", locale: "de" });
  });

  it("tells listeners about every change until they stop listening", () => {
    let calls = 0;
    const stop = onConfigChange(() => {
      calls += 1;
    });
    configure({ locale: "de" });
    stop();
    configure({ locale: "en" });
    expect(calls).toBe(1);
  });
});
