import type { ReactiveController } from "lit";
import type { AttemptData, AttemptResultData, SavedAnswer } from "../../api-client/index.js";
import type { TokenProvider } from "../../config.js";
import { AttemptController } from "../attempt-controller.js";
import { SettingsController } from "../settings-controller.js";

// The controllers listen on `window`; Node has none. Without `localStorage` the outbox lives in
// the page-wide memory store, which outlives a controller just as storage outlives a reload.
Object.assign(globalThis, { window: new EventTarget() });

const ENDPOINT = "https://api.example.test/graphql";
const SLUG = "decision-quality";
const realFetch = globalThis.fetch;

/** An unsigned token for `sub`; the widget reads the payload only. */
function tokenFor(sub: string, claims: Record<string, unknown> = {}): TokenProvider {
  const payload = btoa(JSON.stringify({ sub, ...claims })).replace(/=+$/, "");
  const token = `e30.${payload}.c2ln`;
  return () => token;
}

const RESULT: AttemptResultData = {
  submittedAt: "2026-11-29T10:00:00Z",
  scores: [
    {
      skill: { slug: SLUG, name: "Decision quality" },
      score: 62,
      band: "DEVELOPING",
      feedback: "…",
      nextStep: "…",
    },
  ],
  recommendedLessons: [],
};

/** The API as far as the flow needs it, with a switch for the network and canned refusals. */
class FakeApi {
  offline = false;
  answers = new Map<string, SavedAnswer>();
  status: AttemptData["status"] = "IN_PROGRESS";
  submitKeys: string[] = [];
  /** The `locale` variable of every operation that has one. */
  locales: string[] = [];
  refuseSaveWith: string | undefined;

  attempt(): AttemptData {
    return {
      id: "attempt-1",
      status: this.status,
      assessment: {
        slug: SLUG,
        title: "Making Better Decisions",
        description: "…",
        estimatedMinutes: 3,
        items: ["i1", "i2"].map((id) => ({
          id,
          kind: "LIKERT" as const,
          prompt: id,
          required: true,
          options: [],
        })),
      },
      answers: [...this.answers.values()],
      result: this.status === "SUBMITTED" ? RESULT : null,
    };
  }

  readonly fetch = (_url: unknown, init?: RequestInit): Promise<Response> => {
    if (this.offline) return Promise.reject(new TypeError("Failed to fetch"));
    const { operationName, variables } = JSON.parse(init?.body as string) as {
      operationName: string;
      variables: { input: Record<string, unknown>; locale?: string };
    };
    if (variables.locale) this.locales.push(variables.locale);
    const data = this.answer(operationName, variables.input);
    return Promise.resolve(
      new Response(JSON.stringify(data), { headers: { "Content-Type": "application/json" } }),
    );
  };

  private answer(operation: string, input: Record<string, unknown>): unknown {
    switch (operation) {
      case "WidgetStartAttempt":
        return { data: { startAttempt: this.attempt() } };
      case "WidgetAttempt":
        return { data: { attempt: this.attempt() } };
      case "WidgetSaveAnswer": {
        if (this.refuseSaveWith) return refusal(this.refuseSaveWith);
        const itemId = String(input.itemId);
        const value = typeof input.value === "number" ? input.value : null;
        const text = typeof input.text === "string" ? input.text : null;
        const sequence = Number(input.sequence);
        this.answers.set(itemId, { itemId, optionId: null, value, text, sequence });
        return { data: { saveAnswer: { id: "attempt-1" } } };
      }
      case "WidgetSubmitAttempt":
        this.submitKeys.push(String(input.idempotencyKey));
        this.status = "SUBMITTED";
        return { data: { submitAttempt: RESULT } };
      default:
        throw new Error(`unexpected ${operation}`);
    }
  }
}

function refusal(code: string) {
  return { errors: [{ message: code, extensions: { code } }] };
}

/** A stand-in for the element: properties, an update counter and the events it received. */
class FakeHost extends EventTarget {
  slug = SLUG;
  endpoint: string | undefined = ENDPOINT;
  locale: string | undefined = "en";
  getToken: TokenProvider | undefined;
  readonly events: string[] = [];
  readonly updateComplete = Promise.resolve(true);

  constructor(getToken: TokenProvider | undefined) {
    super();
    this.getToken = getToken;
    for (const name of ["rs-start", "rs-answer", "rs-complete", "rs-error"]) {
      this.addEventListener(name, (event) => {
        const detail = (event as CustomEvent<{ code?: string }>).detail;
        this.events.push(detail.code ? `${name}:${detail.code}` : name);
      });
    }
  }

  addController(_controller: ReactiveController): void {}
  removeController(_controller: ReactiveController): void {}
  requestUpdate(): void {}
}

/** Mounts a flow the way a (re)loaded page does, and waits until it has settled. */
async function mount(getToken: TokenProvider | undefined) {
  const host = new FakeHost(getToken);
  const flow = new AttemptController(host, new SettingsController(host));
  flow.hostConnected();
  flow.hostUpdate();
  await settle();
  return { host, flow };
}

async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

let api: FakeApi;
let mounted: AttemptController[] = [];
let subjects = 0;
const employee = () => tokenFor(`employee-${(subjects += 1)}`);

async function open(getToken: TokenProvider | undefined) {
  const result = await mount(getToken);
  mounted.push(result.flow);
  return result;
}

beforeEach(() => {
  api = new FakeApi();
  globalThis.fetch = api.fetch;
});

afterEach(() => {
  for (const flow of mounted) flow.hostDisconnected();
  mounted = [];
  globalThis.fetch = realFetch;
});

describe("the assessment flow", () => {
  it("asks for a sign-in and reports UNAUTHENTICATED without a token", async () => {
    const { host, flow } = await open(undefined);
    expect(flow.view.name).toBe("signin");
    expect(host.events).toEqual(["rs-error:UNAUTHENTICATED"]);
  });

  it("starts from the intro and fires rs-start and rs-answer on the employee's actions", async () => {
    const { host, flow } = await open(employee());
    expect(flow.view.name).toBe("intro");
    expect(host.events).toEqual([]);
    flow.begin();
    flow.answer("i1", { value: 4 });
    await settle();
    expect(host.events).toEqual(["rs-start", "rs-answer"]);
    expect(api.answers.get("i1")).toEqual(expect.objectContaining({ value: 4, sequence: 1 }));
    expect(flow.sync).toBe("saved");
  });

  it("keeps an offline answer on the device and resumes it at the same step after a reload", async () => {
    const getToken = employee();
    const first = await open(getToken);
    first.flow.begin();
    api.offline = true;
    first.flow.answer("i1", { value: 2 });
    first.flow.goTo(1);
    await settle();
    expect(first.flow.sync).toBe("offline");
    expect(first.host.events).toEqual(["rs-start", "rs-answer", "rs-error:NETWORK_ERROR"]);

    // Reloaded without network: the device alone knows the attempt.
    const offline = await open(getToken);
    expect(offline.flow.view.name).toBe("steps");
    expect(offline.flow.step).toBe(1);
    expect(offline.flow.answerOf("i1")).toEqual(expect.objectContaining({ value: 2 }));

    api.offline = false;
    const online = await open(getToken);
    expect(online.flow.step).toBe(1);
    expect(api.answers.get("i1")).toEqual(expect.objectContaining({ value: 2, sequence: 1 }));
  });

  it("keeps a text that is still being typed through a reload, and sends it then", async () => {
    const getToken = employee();
    const first = await open(getToken);
    first.flow.begin();
    first.flow.keepDraft("i2", { text: "Ask what we knew" });
    await settle();
    // Typing neither sends nor announces anything.
    expect(api.answers.has("i2")).toBe(false);
    expect(first.host.events).toEqual(["rs-start"]);

    const reloaded = await open(getToken);
    expect(reloaded.flow.answerOf("i2")).toEqual(
      expect.objectContaining({ text: "Ask what we knew" }),
    );
    expect(api.answers.get("i2")).toEqual(expect.objectContaining({ text: "Ask what we knew" }));
  });

  it("resends a pending submit with the same key after a reload, for one result", async () => {
    const getToken = employee();
    const first = await open(getToken);
    first.flow.begin();
    first.flow.answer("i1", { value: 5 });
    first.flow.answer("i2", { value: 1 });
    await settle();
    api.offline = true;
    first.flow.submit();
    await settle();
    expect(first.flow.view.name).toBe("submitting");

    api.offline = false;
    const second = await open(getToken);
    expect(second.flow.view).toEqual({ name: "result", result: RESULT });
    expect(second.host.events).toEqual(["rs-complete"]);
    expect(api.submitKeys).toHaveLength(1);
    expect(api.submitKeys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("asks for the assessment in the token's language when the element and page chose none", async () => {
    const host = new FakeHost(tokenFor("employee-de", { locale: "de" }));
    host.locale = undefined;
    const settings = new SettingsController(host, { usesToken: true });
    const flow = new AttemptController(host, settings);
    mounted.push(flow);
    flow.hostConnected();
    settings.hostUpdate();
    // The flow waits for the token's claim instead of loading in the browser's language first.
    flow.hostUpdate();
    expect(api.locales).toEqual([]);
    await settle();
    settings.hostUpdate();
    flow.hostUpdate();
    await settle();
    expect(flow.view.name).toBe("intro");
    expect(api.locales).toEqual(["DE"]);
  });

  it("shows the result when the attempt was submitted elsewhere meanwhile", async () => {
    const { host, flow } = await open(employee());
    flow.begin();
    api.refuseSaveWith = "ATTEMPT_SUBMITTED";
    api.status = "SUBMITTED";
    flow.answer("i1", { value: 3 });
    await settle();
    expect(flow.view).toEqual({ name: "result", result: RESULT });
    // Completed elsewhere: this page did not submit, so it announces no completion.
    expect(host.events).toEqual(["rs-start", "rs-answer"]);
  });
});
