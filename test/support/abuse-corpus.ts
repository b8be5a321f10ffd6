import { randomUUID } from "node:crypto";
import { ERROR_CODES } from "@real-skills/shared";
import { assessmentInput } from "./abuse-assessment.js";
import { CALLERS, type Caller, type HostileRequest } from "./abuse-request.js";
import {
  operationFor,
  pathLabel,
  requiredFields,
  textArgumentPaths,
  withValueAt,
  type ApiSchema,
  type ArgumentPath,
  type RootField,
} from "./abuse-schema.js";
import type { Verdict } from "./abuse-verdict.js";

/**
 * The schema-driven part of the abuse corpus: every root field called by every kind of caller,
 * then hostile strings in every String and ID argument, each in an otherwise plausible call by
 * the caller the field is for.
 */

/** Hostile strings, each sent alone as the whole value of one argument. */
export const PAYLOADS: readonly { name: string; value: string }[] = [
  { name: "SQL OR 1=1", value: "' OR 1=1 --" },
  { name: "SQL DROP TABLE", value: "'; DROP TABLE attempt; --" },
  { name: 'SQL ""=""', value: '" OR ""="' },
  { name: "SQL UNION", value: "x' UNION SELECT secret_hash FROM api_key --" },
  { name: "NUL", value: "a\u0000b" },
  { name: "script tag", value: "<script>alert(1)</script>" },
  { name: "img onerror", value: "<img src=x onerror=alert(1)>" },
  { name: "javascript: URL", value: "javascript:alert(1)" },
  { name: "template", value: "{{7*7}}${7*7}<%= 7*7 %>" },
  { name: "path traversal", value: "../../etc/passwd" },
  { name: "CRLF header injection", value: "x\r\nSet-Cookie: abuse=1" },
  { name: "RTL and zero-width", value: "\u202Egnp.exe\u200B\u200D\uFEFFtxt" },
  { name: "lone surrogates", value: "\uD800x\uDFFF" },
  { name: "60 000 characters", value: "A".repeat(60_000) },
];

/** What a corpus call needs from the organisation under abuse. */
export interface AbuseContext {
  /** A library assessment with a REFLECTION item, with its items. */
  assessment: { slug: string; items: { id: string; kind: string; options: { id: string }[] }[] };
  /** The suite's employee's unfinished attempt at it. */
  attemptId: string;
  /** Its REFLECTION item, whose answer is free text. */
  reflectionItemId: string;
  /** One of the organisation's own assessments, whose draft updates replace. */
  draftSlug: string;
}

/**
 * Arguments that get a call past the first check, where plausible values by type would not: an
 * assessment that validates, the employee's real attempt and reflection item, a real webhook URL.
 * Other fields get their required arguments by type (`requiredFields`).
 */
function knownArguments(
  context: AbuseContext,
): Partial<Record<string, () => Record<string, unknown>>> {
  return {
    createAssessment: () => ({ input: assessmentInput(`abuse-${randomUUID().slice(0, 8)}`) }),
    updateAssessmentDraft: () => ({ input: assessmentInput(context.draftSlug) }),
    saveAnswer: () => ({
      input: {
        attemptId: context.attemptId,
        itemId: context.reflectionItemId,
        text: "x",
        sequence: 1,
      },
    }),
    submitAttempt: () => ({
      input: { attemptId: context.attemptId, idempotencyKey: randomUUID() },
    }),
    teamReport: () => ({ input: { assessmentSlug: context.assessment.slug } }),
    teamReportCsv: () => ({ input: { assessmentSlug: context.assessment.slug } }),
    createWebhookEndpoint: () => ({
      input: { url: "https://hooks.example.com/abuse", events: ["ATTEMPT_COMPLETED"] },
    }),
  };
}

function argumentsFor(
  schema: ApiSchema,
  field: RootField,
  context: AbuseContext,
): Record<string, unknown> {
  return knownArguments(context)[field.name]?.() ?? requiredFields(schema, field.args);
}

function call(
  schema: ApiSchema,
  field: RootField,
  context: AbuseContext,
  change: (args: Record<string, unknown>) => Record<string, unknown> = (args) => args,
): () => string {
  return () => {
    const args = change(argumentsFor(schema, field, context));
    return JSON.stringify({ query: operationFor(field, args), variables: args });
  };
}

/** One root field called by one kind of caller with plausible arguments. */
export interface CallerProbe {
  field: string;
  caller: Caller;
  request: HostileRequest;
}

/** Every root field, called by every kind of caller: the wrong ones must be refused cleanly. */
export function callerCorpus(schema: ApiSchema, context: AbuseContext): CallerProbe[] {
  return schema.rootFields.flatMap((field) =>
    CALLERS.map((caller) => ({
      field: field.name,
      caller,
      request: {
        category: "callers",
        name: `${field.name} as ${caller}`,
        caller,
        body: call(schema, field, context),
      },
    })),
  );
}

/**
 * The caller each field is for: the first of {@link CALLERS} whose call was not refused as
 * UNAUTHENTICATED or FORBIDDEN (anonymous when every one was).
 */
export function callersOf(
  probes: readonly CallerProbe[],
  verdicts: readonly Verdict[],
): Map<string, Caller> {
  const callers = new Map<string, Caller>();
  probes.forEach((probe, index) => {
    const codes = verdicts[index]?.codes ?? [];
    const refused = codes.some(
      (code) => code === ERROR_CODES.UNAUTHENTICATED || code === ERROR_CODES.FORBIDDEN,
    );
    if (!refused && !callers.has(probe.field)) callers.set(probe.field, probe.caller);
  });
  return callers;
}

/** One String or ID argument of one mutation, with a harmless value that identifies itself. */
export interface StorageProbe {
  key: string;
  marker: string;
  request: HostileRequest;
}

/**
 * A harmless, unique value (a valid slug) in each text argument of each mutation: where the
 * database holds it afterwards, the argument stores what it is given, so a hostile value it
 * accepts there must be stored exactly as sent.
 */
export function storageCorpus(
  schema: ApiSchema,
  context: AbuseContext,
  callers: ReadonlyMap<string, Caller>,
): StorageProbe[] {
  return schema.rootFields
    .filter((field) => field.operation === "mutation")
    .flatMap((field) =>
      textArgumentPaths(schema, field).map((path) => {
        const key = argumentKey(field, path);
        const marker = `abuse-marker-${randomUUID().slice(0, 8)}`;
        return {
          key,
          marker,
          request: {
            category: "payloads",
            name: `${key} ← a harmless marker`,
            caller: callers.get(field.name) ?? "anonymous",
            body: call(schema, field, context, (args) =>
              withValueAt(schema, field, args, path, marker),
            ),
          },
        };
      }),
    );
}

/** Every payload in every String and ID argument of every root field, by its field's caller. */
export function payloadCorpus(
  schema: ApiSchema,
  context: AbuseContext,
  callers: ReadonlyMap<string, Caller>,
  storingArguments: ReadonlySet<string>,
): HostileRequest[] {
  return schema.rootFields.flatMap((field) =>
    textArgumentPaths(schema, field).flatMap((path) =>
      PAYLOADS.map((payload) => {
        const key = argumentKey(field, path);
        return {
          category: "payloads" as const,
          name: `${key} ← ${payload.name}`,
          caller: callers.get(field.name) ?? "anonymous",
          body: call(schema, field, context, (args) =>
            withValueAt(schema, field, args, path, payload.value),
          ),
          ...(storingArguments.has(key) ? { stores: payload.value } : {}),
        };
      }),
    ),
  );
}

function argumentKey(field: RootField, path: ArgumentPath): string {
  return `${field.name}(${pathLabel(path)})`;
}
