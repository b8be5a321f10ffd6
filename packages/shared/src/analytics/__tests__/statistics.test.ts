import { cronbachAlpha } from "../cronbach-alpha.js";
import {
  addValue,
  combineMoments,
  EMPTY_MOMENTS,
  meanOf,
  standardDeviationOf,
  type Moments,
} from "../moments.js";

function momentsOf(values: readonly number[]): Moments {
  return values.reduce<Moments>((moments, value) => addValue(moments, value), EMPTY_MOMENTS);
}

/** Respondents × items, as a scale's aggregates would be built from attempts one by one. */
function scaleOf(matrix: readonly (readonly number[])[]) {
  const k = matrix[0]?.length ?? 0;
  return {
    items: Array.from({ length: k }, (_, i) => momentsOf(matrix.map((row) => row[i] ?? 0))),
    total: momentsOf(matrix.map((row) => row.reduce((sum, value) => sum + value, 0))),
  };
}

// Reference values computed independently (Python's statistics module, two-pass variances):
//   statistics.variance per item and of the row totals, then k/(k-1) * (1 - Σ/total).
const CONSISTENT = [
  [3, 4, 3],
  [4, 4, 5],
  [2, 3, 2],
  [5, 5, 4],
  [1, 2, 2],
];
const CONTRADICTORY = [
  [0, 4, 1],
  [4, 0, 3],
  [2, 2, 2],
  [1, 3, 0],
];

describe("moments", () => {
  it("give the mean and the sample standard deviation", () => {
    const moments = momentsOf([3, 4, 2, 5, 1]);
    expect(meanOf(moments)).toBe(3);
    expect(standardDeviationOf(moments)).toBeCloseTo(1.5811388300841898, 12);
  });

  it("say nothing without enough respondents", () => {
    expect(meanOf(EMPTY_MOMENTS)).toBeNull();
    expect(standardDeviationOf(momentsOf([4]))).toBeNull();
  });

  it("remove a respondent exactly as if they had never been added (erasure)", () => {
    const withAll = momentsOf([3, 4, 2, 5, 1]);
    expect(addValue(withAll, 5, -1)).toEqual(momentsOf([3, 4, 2, 1]));
  });

  it("combine disjoint groups into the sums of all their respondents", () => {
    expect(combineMoments(momentsOf([3, 4]), momentsOf([2, 5, 1]))).toEqual(
      momentsOf([3, 4, 2, 5, 1]),
    );
  });

  it("never report a negative variance for identical values", () => {
    expect(standardDeviationOf(momentsOf([0.1, 0.1, 0.1]))).toBe(0);
  });
});

describe("cronbachAlpha", () => {
  it("matches an independently computed α for a consistent scale", () => {
    expect(cronbachAlpha(scaleOf(CONSISTENT))).toBeCloseTo(0.9387755102040817, 12);
  });

  it("can be negative when items pull against each other", () => {
    expect(cronbachAlpha(scaleOf(CONTRADICTORY))).toBeCloseTo(-5.25, 12);
  });

  it("is the same whatever order the respondents came in", () => {
    expect(cronbachAlpha(scaleOf([...CONSISTENT].reverse()))).toBeCloseTo(
      cronbachAlpha(scaleOf(CONSISTENT)) ?? Number.NaN,
      12,
    );
  });

  it("is undefined for one item, one respondent, or a total that does not vary", () => {
    expect(cronbachAlpha(scaleOf([[1], [2], [3]]))).toBeNull();
    expect(cronbachAlpha(scaleOf([[1, 2, 3]]))).toBeNull();
    expect(
      cronbachAlpha(
        scaleOf([
          [1, 3],
          [2, 2],
          [3, 1],
        ]),
      ),
    ).toBeNull();
  });

  it("refuses items and totals over different respondents", () => {
    const scale = scaleOf(CONSISTENT);
    expect(cronbachAlpha({ ...scale, total: addValue(scale.total, 9) })).toBeNull();
  });
});
