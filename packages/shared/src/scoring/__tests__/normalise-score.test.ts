import { normaliseScore } from "../normalise-score.js";

describe("normaliseScore", () => {
  it("maps the ends of the range to 0 and 100", () => {
    expect(normaliseScore(0, 0, 4)).toBe(0);
    expect(normaliseScore(4, 0, 4)).toBe(100);
    expect(normaliseScore(-3, -3, 5)).toBe(0);
  });

  it("rounds halves up", () => {
    expect(normaliseScore(1, 0, 8)).toBe(13); // 12.5
    expect(normaliseScore(3, 0, 8)).toBe(38); // 37.5
    expect(normaliseScore(1, 0, 200)).toBe(1); // 0.5
  });

  it("rounds other fractions to the nearest integer", () => {
    expect(normaliseScore(1, 0, 3)).toBe(33); // 33.3…
    expect(normaliseScore(2, 0, 3)).toBe(67); // 66.6…
  });
});
