import { formatMonth } from "../format-month.js";

describe("formatMonth", () => {
  it("names a report month in the reader's language", () => {
    expect(formatMonth("2026-11", "en")).toBe("Nov 2026");
    expect(formatMonth("2026-03", "de")).toBe("März 2026");
  });

  it("keeps January and December in their own year whatever the time zone", () => {
    expect(formatMonth("2026-01", "en")).toBe("Jan 2026");
    expect(formatMonth("2025-12", "en")).toBe("Dec 2025");
  });
});
