import type { AttemptAssessment, AttemptData, SavedAnswer } from "../api-client/index.js";
import type { KeyValueStorage } from "./storage.js";

/** An answer as the employee gave it: an option, a point on the agreement scale, or text. */
export interface AnswerValue {
  optionId?: string;
  value?: number;
  text?: string;
}

/** The latest answer to one item, with the counter that orders it against earlier saves. */
export interface OutboxAnswer extends AnswerValue {
  sequence: number;
  /** Whether the API confirmed this very sequence; unconfirmed answers are (re)sent. */
  acked: boolean;
}

/** What the device keeps of one open attempt. */
export interface AttemptRecord {
  attemptId: string;
  /** The step the employee is on (an item index; the item count for the review); unset before Start. */
  step?: number;
  /** Every answer by item id: the server's as acknowledged, newer local ones not yet. */
  answers: Record<string, OutboxAnswer>;
  /** Generated with the first submit and kept until its result arrives, so a resend replays it. */
  submitKey?: string;
  /** The assessment as last loaded, so that a reload without network still shows its items. */
  assessment: AttemptAssessment;
}

interface StoredOutbox {
  v: 1;
  attempts: Record<string, AttemptRecord>;
}

/**
 * One employee's outbox on one API: per assessment slug, the open attempt's answers, step and
 * pending submit. Every change is written to storage before anything is sent, so a closed tab
 * or a lost connection loses nothing the employee confirmed. Pure logic over a storage; sending
 * is the attempt controller's job.
 */
export class Outbox {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly key: string,
  ) {}

  get(slug: string): AttemptRecord | undefined {
    return this.read().attempts[slug];
  }

  /**
   * Takes the attempt the API returned. Its answers count as acknowledged, but an unacknowledged
   * local answer of the same attempt wins: it is newer than anything the server has. Its sequence
   * is raised above the server's when needed, so that the API accepts it when it is resent.
   */
  open(slug: string, attempt: AttemptData): AttemptRecord {
    const previous = this.get(slug);
    const local = previous?.attemptId === attempt.id ? previous : undefined;
    const answers: Record<string, OutboxAnswer> = {};
    for (const saved of attempt.answers) {
      answers[saved.itemId] = { ...valueOf(saved), sequence: saved.sequence, acked: true };
    }
    for (const [itemId, entry] of Object.entries(local?.answers ?? {})) {
      if (entry.acked) continue;
      const serverSequence = answers[itemId]?.sequence ?? 0;
      const sequence = serverSequence > entry.sequence ? serverSequence + 1 : entry.sequence;
      answers[itemId] = { ...entry, sequence };
    }
    const { id: attemptId, assessment } = attempt;
    return this.put(slug, { ...local, attemptId, answers, assessment });
  }

  /** Records a changed answer as the newest, unacknowledged one; returns it. */
  answer(slug: string, itemId: string, value: AnswerValue): OutboxAnswer {
    const record = this.require(slug);
    const sequence = (record.answers[itemId]?.sequence ?? 0) + 1;
    const entry: OutboxAnswer = { ...value, sequence, acked: false };
    record.answers[itemId] = entry;
    this.put(slug, record);
    return entry;
  }

  /** Marks an answer as confirmed, unless a newer one replaced it meanwhile. */
  acknowledge(slug: string, itemId: string, sequence: number): void {
    const record = this.get(slug);
    const entry = record?.answers[itemId];
    if (!record || entry?.sequence !== sequence) return;
    entry.acked = true;
    this.put(slug, record);
  }

  /** The first unacknowledged answer in item order, with its item id. */
  nextPending(slug: string): { itemId: string; answer: OutboxAnswer } | undefined {
    const record = this.get(slug);
    for (const item of record?.assessment.items ?? []) {
      const answer = record?.answers[item.id];
      if (answer && !answer.acked) return { itemId: item.id, answer };
    }
    return undefined;
  }

  setStep(slug: string, step: number): void {
    const record = this.require(slug);
    record.step = step;
    this.put(slug, record);
  }

  /** The submit's idempotency key: made once by `generate`, then the same until `remove`. */
  submitKey(slug: string, generate: () => string): string {
    const record = this.require(slug);
    record.submitKey ??= generate();
    this.put(slug, record);
    return record.submitKey;
  }

  /** Forgets a submit the API refused for good, so that the next one gets a new key. */
  dropSubmit(slug: string): void {
    const record = this.get(slug);
    if (!record?.submitKey) return;
    delete record.submitKey;
    this.put(slug, record);
  }

  /** Forgets the attempt: its result arrived, or it no longer exists. */
  remove(slug: string): void {
    const { [slug]: removed, ...others } = this.read().attempts;
    if (!removed) return;
    if (Object.keys(others).length === 0) this.storage.removeItem(this.key);
    else this.storage.setItem(this.key, JSON.stringify({ v: 1, attempts: others }));
  }

  private require(slug: string): AttemptRecord {
    const record = this.get(slug);
    if (!record) throw new Error(`No open attempt for "${slug}" in the outbox`);
    return record;
  }

  private put(slug: string, record: AttemptRecord): AttemptRecord {
    // Read again right before writing: another element or tab may have changed another slug.
    const stored = this.read();
    stored.attempts[slug] = record;
    this.storage.setItem(this.key, JSON.stringify(stored));
    return record;
  }

  private read(): StoredOutbox {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(this.key) ?? "null");
      if (isStoredOutbox(parsed)) return parsed;
    } catch {
      // Unreadable: another version or a manual edit. Starting empty beats failing.
    }
    return { v: 1, attempts: {} };
  }
}

/** Whether the employee gave an answer (an emptied reflection counts as none). */
export function isAnswered(answer: AnswerValue | undefined): boolean {
  return answer?.optionId !== undefined || answer?.value !== undefined || !!answer?.text;
}

function valueOf(saved: SavedAnswer): AnswerValue {
  if (saved.optionId !== null) return { optionId: saved.optionId };
  if (saved.value !== null) return { value: saved.value };
  return { text: saved.text ?? "" };
}

function isStoredOutbox(value: unknown): value is StoredOutbox {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { v?: unknown }).v === 1 &&
    typeof (value as { attempts?: unknown }).attempts === "object"
  );
}
