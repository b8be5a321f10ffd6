import { formatDay } from "../format-day.js";

describe("formatDay", () => {
  const june = new Date("2026-06-01T12:00:00Z");

  it("says a day of this year as the locale does, without the year", () => {
    expect(formatDay("2026-12-03T12:00:00Z", "en", june)).toBe("December 3");
    expect(formatDay("2026-12-03T12:00:00Z", "de", june)).toBe("3. Dezember");
  });

  it("adds the year when it is not this year", () => {
    expect(formatDay("2027-01-04T12:00:00Z", "en", june)).toBe("January 4, 2027");
    expect(formatDay("2027-01-04T12:00:00Z", "de", june)).toBe("4. Januar 2027");
  });
});
