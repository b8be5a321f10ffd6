import type { ReactiveController } from "lit";
import type { TokenProvider } from "../../config.js";
import { configure } from "../../config.js";
import { SettingsController } from "../settings-controller.js";

// The controller listens on `window` for language changes; Node has none.
Object.assign(globalThis, { window: new EventTarget() });

/** An unsigned token with these claims; the widget reads the payload only. */
function tokenWith(claims: Record<string, unknown>): TokenProvider {
  const payload = btoa(JSON.stringify({ sub: "employee", ...claims })).replace(/=+$/, "");
  return () => `e30.${payload}.c2ln`;
}

class FakeHost {
  locale: string | undefined;
  getToken: TokenProvider | undefined;
  updates = 0;
  addController(_controller: ReactiveController): void {}
  removeController(_controller: ReactiveController): void {}
  requestUpdate(): void {
    this.updates += 1;
  }
  readonly updateComplete = Promise.resolve(true);
}

async function turns(): Promise<void> {
  for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** A controller that has read its host's token, if it reads one. */
async function settled(host: FakeHost, usesToken = true): Promise<SettingsController> {
  const settings = new SettingsController(host, { usesToken });
  settings.hostUpdate();
  await turns();
  return settings;
}

afterEach(() => {
  configure({ locale: undefined });
});

describe("SettingsController's locale", () => {
  it("takes the token's locale claim when neither the element nor the page chose one", async () => {
    const host = new FakeHost();
    host.getToken = tokenWith({ locale: "de" });
    const settings = new SettingsController(host, { usesToken: true });
    settings.hostUpdate();
    // Until the token is read, requests wait.
    expect(settings.ready).toBe(false);
    await turns();
    expect(settings.ready).toBe(true);
    expect(settings.locale).toBe("de");
    expect(host.updates).toBeGreaterThan(0);
  });

  it("ranks the attribute and configure() above the token", async () => {
    const host = new FakeHost();
    host.getToken = tokenWith({ locale: "de" });
    host.locale = "en";
    const settings = new SettingsController(host, { usesToken: true });
    settings.hostUpdate();
    // A chosen locale does not wait for the token: it cannot change the outcome.
    expect(settings.ready).toBe(true);
    expect(settings.locale).toBe("en");

    host.locale = undefined;
    configure({ locale: "en" });
    expect((await settled(host)).locale).toBe("en");
  });

  it("ignores the token of elements that do not use one, and a token without the claim", async () => {
    const host = new FakeHost();
    host.getToken = tokenWith({ locale: "de" });
    expect((await settled(host, false)).locale).toBe("en");
    host.getToken = tokenWith({});
    expect((await settled(host)).locale).toBe("en");
  });

  it("is ready at once without a token provider", () => {
    const settings = new SettingsController(new FakeHost(), { usesToken: true });
    settings.hostUpdate();
    expect(settings.ready).toBe(true);
  });
});
