import { BAND_THRESHOLDS, bandFor } from "../band.js";

describe("bandFor", () => {
  it.each([
    [0, "EMERGING"],
    [39, "EMERGING"],
    [40, "DEVELOPING"],
    [69, "DEVELOPING"],
    [70, "STRONG"],
    [100, "STRONG"],
  ] as const)("puts %i in %s", (score, band) => {
    expect(bandFor(score)).toBe(band);
  });

  it("uses the exported thresholds", () => {
    expect(bandFor(BAND_THRESHOLDS.DEVELOPING - 1)).toBe("EMERGING");
    expect(bandFor(BAND_THRESHOLDS.DEVELOPING)).toBe("DEVELOPING");
    expect(bandFor(BAND_THRESHOLDS.STRONG - 1)).toBe("DEVELOPING");
    expect(bandFor(BAND_THRESHOLDS.STRONG)).toBe("STRONG");
  });
});
