import type { AttemptData, SavedAnswer } from "../../api-client/index.js";
import { outboxKey } from "../keys.js";
import { isAnswered, Outbox } from "../outbox.js";
import { FakeStorage } from "./fake-storage.js";

const SLUG = "decision-quality";
const KEY = outboxKey("https://api.example.test/graphql", "employee-1");

function attempt(id: string, answers: Partial<SavedAnswer>[] = []): AttemptData {
  return {
    id,
    status: "IN_PROGRESS",
    result: null,
    assessment: {
      slug: SLUG,
      title: "Making Better Decisions",
      description: "…",
      estimatedMinutes: 3,
      items: ["i1", "i2", "i3"].map((itemId) => ({
        id: itemId,
        kind: "LIKERT" as const,
        prompt: `Prompt ${itemId}`,
        required: true,
        options: [],
      })),
    },
    answers: answers.map((answer) => ({
      itemId: "i1",
      optionId: null,
      value: null,
      text: null,
      sequence: 0,
      ...answer,
    })),
  };
}

describe("the outbox", () => {
  let storage: FakeStorage;
  let outbox: Outbox;

  beforeEach(() => {
    storage = new FakeStorage();
    outbox = new Outbox(storage, KEY);
  });

  it("writes every answer to storage before anyone sends it, with a rising sequence", () => {
    outbox.open(SLUG, attempt("a1"));
    expect(outbox.answer(SLUG, "i1", { value: 4 })).toEqual({
      value: 4,
      sequence: 1,
      acked: false,
    });
    expect(outbox.answer(SLUG, "i1", { value: 2 })).toEqual({
      value: 2,
      sequence: 2,
      acked: false,
    });

    const reloaded = new Outbox(storage, KEY);
    expect(reloaded.get(SLUG)?.answers.i1).toEqual({ value: 2, sequence: 2, acked: false });
    expect(reloaded.nextPending(SLUG)).toEqual({
      itemId: "i1",
      answer: { value: 2, sequence: 2, acked: false },
    });
  });

  it("acknowledges only the sequence that was sent, not an answer changed meanwhile", () => {
    outbox.open(SLUG, attempt("a1"));
    outbox.answer(SLUG, "i1", { value: 4 });
    outbox.answer(SLUG, "i1", { value: 5 });
    outbox.acknowledge(SLUG, "i1", 1);
    expect(outbox.nextPending(SLUG)?.answer).toEqual({ value: 5, sequence: 2, acked: false });
    outbox.acknowledge(SLUG, "i1", 2);
    expect(outbox.nextPending(SLUG)).toBeUndefined();
  });

  it("hands out unacknowledged answers in item order", () => {
    outbox.open(SLUG, attempt("a1"));
    outbox.answer(SLUG, "i3", { value: 1 });
    outbox.answer(SLUG, "i2", { value: 2 });
    expect(outbox.nextPending(SLUG)?.itemId).toBe("i2");
  });

  it("merges local answers over the server's when the attempt resumes", () => {
    outbox.open(SLUG, attempt("a1"));
    outbox.answer(SLUG, "i1", { value: 5 });
    outbox.answer(SLUG, "i2", { value: 3 });
    outbox.acknowledge(SLUG, "i2", 1);
    outbox.setStep(SLUG, 2);

    // The server got i2 but not the newer i1, and has an i3 from another tab.
    const merged = outbox.open(
      SLUG,
      attempt("a1", [
        { itemId: "i1", value: 1, sequence: 0 },
        { itemId: "i2", value: 3, sequence: 1 },
        { itemId: "i3", value: 2, sequence: 1 },
      ]),
    );

    expect(merged.step).toBe(2);
    expect(merged.answers).toEqual({
      i1: { value: 5, sequence: 1, acked: false },
      i2: { value: 3, sequence: 1, acked: true },
      i3: { value: 2, sequence: 1, acked: true },
    });
  });

  it("raises a local answer's sequence above the server's so that a resend is not ignored", () => {
    outbox.open(SLUG, attempt("a1"));
    outbox.answer(SLUG, "i1", { value: 5 });
    const merged = outbox.open(SLUG, attempt("a1", [{ itemId: "i1", value: 2, sequence: 4 }]));
    expect(merged.answers.i1).toEqual({ value: 5, sequence: 5, acked: false });
  });

  it("drops what it kept of another attempt when the server has moved on", () => {
    outbox.open(SLUG, attempt("a1"));
    outbox.answer(SLUG, "i1", { value: 5 });
    outbox.setStep(SLUG, 1);
    const fresh = outbox.open(SLUG, attempt("a2"));
    expect(fresh).toEqual(expect.objectContaining({ attemptId: "a2", answers: {} }));
    expect(fresh.step).toBeUndefined();
  });

  it("keeps one idempotency key per submit until the attempt is removed", () => {
    outbox.open(SLUG, attempt("a1"));
    let made = 0;
    const generate = () => `key-${(made += 1)}`;
    expect(outbox.submitKey(SLUG, generate)).toBe("key-1");
    expect(new Outbox(storage, KEY).submitKey(SLUG, generate)).toBe("key-1");
    outbox.remove(SLUG);
    expect(outbox.get(SLUG)).toBeUndefined();
    expect(storage.data.size).toBe(0);
  });

  it("forgets a refused submit so that the next one gets a new key", () => {
    outbox.open(SLUG, attempt("a1"));
    outbox.submitKey(SLUG, () => "first");
    outbox.dropSubmit(SLUG);
    expect(outbox.submitKey(SLUG, () => "second")).toBe("second");
  });

  it("keeps employees and APIs apart, and never stores the subject in clear text", () => {
    outbox.open(SLUG, attempt("a1"));
    outbox.answer(SLUG, "i1", { value: 5 });
    const otherEmployee = new Outbox(storage, outboxKey("https://api.example.test/graphql", "e2"));
    const otherApi = new Outbox(
      storage,
      outboxKey("https://other.example.test/graphql", "employee-1"),
    );
    expect(otherEmployee.get(SLUG)).toBeUndefined();
    expect(otherApi.get(SLUG)).toBeUndefined();
    expect([...storage.data.keys()].join()).not.toContain("employee-1");
  });

  it("starts empty instead of failing on data it cannot read", () => {
    storage.data.set(KEY, "{not json");
    expect(outbox.get(SLUG)).toBeUndefined();
    storage.data.set(KEY, JSON.stringify({ v: 99, attempts: {} }));
    expect(outbox.get(SLUG)).toBeUndefined();
  });

  it("counts an emptied reflection as no answer", () => {
    expect(isAnswered({ text: "" })).toBe(false);
    expect(isAnswered({ text: "Because…" })).toBe(true);
    expect(isAnswered({ value: 1 })).toBe(true);
    expect(isAnswered(undefined)).toBe(false);
  });
});
