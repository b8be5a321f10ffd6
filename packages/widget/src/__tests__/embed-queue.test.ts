import { drain, isStub, replay } from "../embed-queue.js";
import type { RealSkillsStub } from "../embed-queue.js";

/** The pre-load snippet from docs/embedding.md, as a page would run it. */
function snippet(): RealSkillsStub & { configure(settings: object): void } {
  return {
    q: [],
    configure: function (this: RealSkillsStub) {
      // eslint-disable-next-line prefer-rest-params -- the snippet records `arguments` as it is.
      this.q.push(["configure", arguments]);
    },
  };
}

/** A stand-in for the script's `window.RealSkills`: records what reaches it. */
function realApi() {
  const received: unknown[][] = [];
  return {
    received,
    api: {
      configure: (...args: unknown[]) => {
        received.push(args);
      },
      version: "0.0.0",
    },
  };
}

describe("the pre-load queue", () => {
  it("replays the page's calls in the order they were made, getToken functions included", () => {
    const stub = snippet();
    const getToken = () => "token";
    stub.configure({ endpoint: "https://skills.example.test/graphql" });
    stub.configure({ locale: "de", getToken });
    stub.configure({ locale: "en" });
    const { api, received } = realApi();
    const errors: unknown[] = [];

    drain(stub, api, (error) => errors.push(error));

    expect(received).toEqual([
      [{ endpoint: "https://skills.example.test/graphql" }],
      [{ locale: "de", getToken }],
      [{ locale: "en" }],
    ]);
    // The very function the page passed, not a copy.
    expect((received[1]?.[0] as { getToken: unknown }).getToken).toBe(getToken);
    expect(errors).toEqual([]);
  });

  it("forwards calls to a stub that the page kept a reference to after the script loaded", () => {
    const stub = snippet();
    const { api, received } = realApi();
    drain(stub, api, () => undefined);

    stub.configure({ locale: "de" });

    expect(received).toEqual([[{ locale: "de" }]]);
    expect(isStub(stub)).toBe(false);
  });

  it("reports a failing or unknown call and still replays the ones after it", () => {
    const failure = new Error("broken settings");
    const api = {
      configure: (settings: { fail?: boolean }) => {
        if (settings.fail) throw failure;
      },
    };
    const reached: unknown[] = [];
    const spy = {
      configure: (settings: { fail?: boolean }) => {
        reached.push(settings);
        api.configure(settings);
      },
    };
    const errors: unknown[] = [];

    replay(
      [
        ["configure", [{ fail: true }]],
        ["launch", []],
        ["toString", []],
        "not a record",
        ["configure", [{ fail: false }]],
      ],
      spy,
      (error) => errors.push(error),
    );

    expect(reached).toEqual([{ fail: true }, { fail: false }]);
    expect(errors).toHaveLength(4);
    expect(errors[0]).toBe(failure);
    expect(String(errors[1])).toMatch(/RealSkills\.launch/);
  });

  it("tells the snippet's stub from the script's own object", () => {
    expect(isStub(snippet())).toBe(true);
    expect(isStub(realApi().api)).toBe(false);
    expect(isStub(undefined)).toBe(false);
    expect(isStub({ q: "not a queue" })).toBe(false);
  });
});
