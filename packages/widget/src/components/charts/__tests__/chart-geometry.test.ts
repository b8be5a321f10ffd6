import { barWidth, TREND_HEIGHT, xFor, yFor } from "../chart-geometry.js";

describe("bar widths", () => {
  it("are the score as a share of the chart, kept within 0–100", () => {
    expect(barWidth(62)).toBe("62%");
    expect(barWidth(0)).toBe("0%");
    expect(barWidth(-3)).toBe("0%");
    expect(barWidth(140)).toBe("100%");
  });
});

describe("trend positions", () => {
  it("put 100 near the top and 0 near the bottom, with room for the labels", () => {
    expect(yFor(100)).toBe(18);
    expect(yFor(0)).toBe(TREND_HEIGHT - 18);
    expect(yFor(50)).toBe(TREND_HEIGHT / 2);
  });

  it("spread slots evenly from edge to edge and centre a single one", () => {
    expect(xFor(0, 1)).toBe("50%");
    expect(xFor(0, 12)).toBe("4%");
    expect(xFor(11, 12)).toBe("96%");
    expect(xFor(1, 3)).toBe("50%");
  });
});
