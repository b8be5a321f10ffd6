import { messagesFor } from "../../../i18n/index.js";
import { barsFor, groupRows, reportSkills, skillOf, trendOf } from "../report-rows.js";
import { hiddenGroup, shownGroup, teamReport } from "./report-fixture.js";

const en = messagesFor("en");

describe("groupRows", () => {
  it("puts everyone first, then each group, naming a team the tokens left out", () => {
    const rows = groupRows(teamReport(), en);
    expect(rows.map(({ name }) => name)).toEqual(["Everyone", "Not set", "blue", "green"]);
    expect(rows[3]?.group.suppressed).toBe(true);
  });

  it("names German rows in German", () => {
    const rows = groupRows(teamReport(), messagesFor("de"));
    expect(rows.slice(0, 2).map(({ name }) => name)).toEqual(["Alle", "Nicht angegeben"]);
  });

  it("lists the organisation once when the report is grouped by organisation", () => {
    const report = teamReport({ groupBy: "ORGANIZATION", groups: [teamReport().overall] });
    expect(groupRows(report, en).map(({ name }) => name)).toEqual(["Everyone"]);
  });
});

describe("reportSkills", () => {
  it("takes the skills, in skill order, from the first group with figures", () => {
    const hidden = { ...hiddenGroup(""), trend: [] };
    expect(reportSkills(teamReport()).map(({ slug }) => slug)).toEqual([
      "responsibility",
      "decision-quality",
    ]);
    expect(reportSkills(teamReport({ overall: hidden })).map(({ slug }) => slug)).toEqual([
      "responsibility",
      "decision-quality",
    ]);
  });

  it("has none when every group is hidden, so no figure can be shown", () => {
    const overall = { ...hiddenGroup(""), trend: [] };
    expect(reportSkills(teamReport({ overall, groups: [hiddenGroup("green")] }))).toEqual([]);
  });
});

describe("skillOf", () => {
  it("finds a group's figures of one skill, and nothing in a hidden group", () => {
    expect(skillOf(shownGroup("blue", { "decision-quality": 52 }), "decision-quality")?.mean).toBe(
      52,
    );
    expect(skillOf(hiddenGroup("green"), "decision-quality")).toBeUndefined();
  });
});

describe("barsFor", () => {
  const hidden = en.hiddenGroup(5);

  it("draws each shown group's rounded average and gives a hidden group its reason, no figure", () => {
    const bars = barsFor(groupRows(teamReport(), en), "responsibility", hidden);
    expect(bars).toEqual([
      { name: "Everyone", score: 62 },
      { name: "Not set", score: 70 },
      { name: "blue", score: 55 },
      { name: "green", note: "Hidden: fewer than 5 people responded" },
    ]);
    expect(bars[3]).not.toHaveProperty("score");
  });

  it("marks a shown group without answers to the skill with a dash", () => {
    const rows = [{ name: "blue", group: shownGroup("blue", { responsibility: 55 }) }];
    expect(barsFor(rows, "decision-quality", hidden)).toEqual([{ name: "blue", note: "–" }]);
  });
});

describe("trendOf", () => {
  it("rounds everyone's monthly averages and leaves months without responses out", () => {
    expect(trendOf(teamReport(), "responsibility")).toEqual([
      { at: "2026-09", score: 58, slot: 0 },
      { at: "2026-11", score: 64, slot: 2 },
    ]);
  });

  it("has no point in a month that counted responses but none for the skill", () => {
    expect(trendOf(teamReport(), "decision-quality")).toEqual([
      { at: "2026-11", score: 48, slot: 2 },
    ]);
  });
});
