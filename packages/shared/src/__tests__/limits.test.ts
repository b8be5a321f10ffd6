import { isSlug, LIMITS } from "../limits.js";
import { isErrorCode } from "../errors.js";

describe("isSlug", () => {
  it("accepts lower-case hyphenated words", () => {
    expect(isSlug("decision-quality")).toBe(true);
    expect(isSlug("a1")).toBe(true);
  });

  it.each(["", "Decision", "two--hyphens", "-lead", "trail-", "has space", "ümlaut", "a/b"])(
    "rejects %j",
    (slug) => {
      expect(isSlug(slug)).toBe(false);
    },
  );

  it("rejects slugs over the length limit", () => {
    expect(isSlug("a".repeat(LIMITS.maxSlugLength))).toBe(true);
    expect(isSlug("a".repeat(LIMITS.maxSlugLength + 1))).toBe(false);
  });
});

describe("isErrorCode", () => {
  it("knows the closed list only", () => {
    expect(isErrorCode("BAD_USER_INPUT")).toBe(true);
    expect(isErrorCode("toString")).toBe(false);
    expect(isErrorCode("SOMETHING_ELSE")).toBe(false);
  });
});
