import type { HistoryAttempt } from "../../../api-client/index.js";
import { toSeries } from "../history-series.js";

function attempt(
  id: string,
  submittedAt: string,
  scores: [slug: string, score: number][],
): HistoryAttempt {
  return {
    id,
    submittedAt,
    assessment: { slug: "check", title: "Real Skills Check" },
    result: {
      scores: scores.map(([slug, score]) => ({
        skill: { slug, name: slug.toUpperCase() },
        score,
        band: score >= 70 ? "STRONG" : score >= 40 ? "DEVELOPING" : "EMERGING",
      })),
    },
  };
}

describe("toSeries", () => {
  it("makes one series per skill, oldest score first, from the newest-first list", () => {
    const series = toSeries([
      attempt("a3", "2026-03-01T00:00:00Z", [["excellence", 80]]),
      attempt("a2", "2026-02-01T00:00:00Z", [
        ["responsibility", 55],
        ["excellence", 60],
      ]),
      attempt("a1", "2026-01-01T00:00:00Z", [["responsibility", 30]]),
    ]);

    expect(series.map((entry) => entry.slug)).toEqual(["responsibility", "excellence"]);
    expect(series[0]?.points.map((point) => [point.attemptId, point.score])).toEqual([
      ["a1", 30],
      ["a2", 55],
    ]);
    expect(series[1]?.points.map((point) => point.band)).toEqual(["DEVELOPING", "STRONG"]);
  });

  it("has nothing to chart without submitted results", () => {
    expect(toSeries([])).toEqual([]);
    expect(toSeries([{ ...attempt("a", "2026-01-01T00:00:00Z", []), result: null }])).toEqual([]);
  });
});
