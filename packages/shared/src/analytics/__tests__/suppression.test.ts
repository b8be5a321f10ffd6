import { periodsSafeToCount, suppressGroups, type GroupSize } from "../suppression.js";

const K = 5;
const groups = (sizes: Record<string, number>): GroupSize[] =>
  Object.entries(sizes).map(([key, participants]) => ({ key, participants }));

/** What an attacker learns by subtracting every visible group from the total. */
function peopleBehindDifference(all: GroupSize[], hidden: Map<string, unknown>): number {
  return all.filter((group) => hidden.has(group.key)).reduce((sum, g) => sum + g.participants, 0);
}

describe("suppressGroups", () => {
  it("shows a group of exactly minGroupSize and hides one of minGroupSize - 1", () => {
    expect(suppressGroups(groups({ whole: K }), K).size).toBe(0);
    expect([...suppressGroups(groups({ whole: K - 1 }), K)]).toEqual([
      ["whole", "BELOW_MIN_GROUP_SIZE"],
    ]);
  });

  it("shows everything when no group is small", () => {
    expect(suppressGroups(groups({ a: 5, b: 7, c: 30 }), K).size).toBe(0);
  });

  it("hides the next smallest group too, so the total minus the visible groups covers K or more", () => {
    const all = groups({ small: 2, mid: 6, large: 40 });
    const hidden = suppressGroups(all, K);
    expect([...hidden]).toEqual([
      ["small", "BELOW_MIN_GROUP_SIZE"],
      ["mid", "COMPLEMENTARY"],
    ]);
    expect(peopleBehindDifference(all, hidden)).toBeGreaterThanOrEqual(K);
  });

  it("keeps hiding until the hidden groups together hold K people", () => {
    const all = groups({ a: 1, b: 1, c: 5, d: 5, e: 50 });
    const hidden = suppressGroups(all, K);
    expect(hidden.get("a")).toBe("BELOW_MIN_GROUP_SIZE");
    expect(hidden.get("b")).toBe("BELOW_MIN_GROUP_SIZE");
    expect(hidden.get("c")).toBe("COMPLEMENTARY");
    expect(hidden.has("e")).toBe(false);
    expect(peopleBehindDifference(all, hidden)).toBeGreaterThanOrEqual(K);
  });

  it("needs no second group when the small ones already add up to K", () => {
    const hidden = suppressGroups(groups({ a: 3, b: 2, c: 9 }), K);
    expect([...hidden.keys()].sort()).toEqual(["a", "b"]);
  });

  it("hides every group when even all of them are fewer than K", () => {
    const all = groups({ a: 1, b: 2 });
    expect([...suppressGroups(all, K).keys()].sort()).toEqual(["a", "b"]);
  });

  it("for any sizes, never leaves the hidden groups recoverable from the total (property)", () => {
    // A deterministic generator keeps the test reproducible.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 12;
    for (let round = 0; round < 2000; round += 1) {
      const all = Array.from({ length: 1 + (round % 6) }, (_, i) => ({
        key: `g${i}`,
        participants: next(),
      }));
      const hidden = suppressGroups(all, K);
      const behind = peopleBehindDifference(all, hidden);
      const everyoneHidden = all.every((g) => g.participants === 0 || hidden.has(g.key));
      // Either the hidden groups cover K people, or everything is hidden (nothing to subtract).
      expect(behind === 0 || behind >= K || everyoneHidden).toBe(true);
      for (const group of all) {
        if (group.participants > 0 && group.participants < K)
          expect(hidden.has(group.key)).toBe(true);
      }
    }
  });
});

describe("periodsSafeToCount", () => {
  it("withholds months with a few people from every total, so ranges cannot be subtracted", () => {
    const months = [
      { month: "2026-01", participants: 8 },
      { month: "2026-02", participants: 2 },
      { month: "2026-03", participants: 0 },
      { month: "2026-04", participants: 5 },
    ];
    const { counted, withheld } = periodsSafeToCount(months, K);
    expect(counted.map((m) => m.month)).toEqual(["2026-01", "2026-03", "2026-04"]);
    expect(withheld.map((m) => m.month)).toEqual(["2026-02"]);
    // Jan–Feb minus Jan: with February withheld from both totals, the difference is empty.
    const total = (range: string[]) =>
      counted.filter((m) => range.includes(m.month)).reduce((sum, m) => sum + m.participants, 0);
    expect(total(["2026-01", "2026-02"]) - total(["2026-01"])).toBe(0);
  });
});
