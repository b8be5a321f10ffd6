import type { EmbedTokenPrincipal } from "../auth/principal.js";
import type { Services } from "../context.js";
import { VersionItemsCache } from "../modules/attempt/version-items.js";
import type { DataSource } from "typeorm";

/** The demo company's teams: one too small to report on, so the demo shows suppression too. */
const DEMO_TEAMS = [
  { team: "Platform", department: "Engineering", people: 9, leaning: 0.7 },
  { team: "Mobile", department: "Engineering", people: 6, leaning: 0.45 },
  { team: "Recruiting", department: "People", people: 3, leaning: 0.6 },
] as const;

/** The assessment the demo HR page reports on. */
export const DEMO_REPORT_ASSESSMENT = "real-skills-check";

/**
 * Gives the demo organisation some submitted responses, dated last month (once: nothing
 * happens when it has any attempt), so that the demo HR page has a team report to show. Answers go through the same
 * service as employees' answers, so the report cells are maintained exactly as in use; they
 * are drawn from a fixed seed, so every demo shows the same figures.
 */
export async function seedDemoResponses(
  dataSource: DataSource,
  services: Services,
  organizationId: string,
): Promise<number> {
  const [existing] = await dataSource.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM attempt WHERE organization_id = $1`,
    [organizationId],
  );
  if ((existing?.count ?? 0) > 0) return 0;
  const versionItems = new VersionItemsCache(dataSource);
  const random = mulberry32(20261129);
  // Dated last month: reports show months that have ended (docs/analytics.md).
  const now = new Date();
  const lastMonth = { year: now.getUTCFullYear(), month: now.getUTCMonth() - 1 };
  let submitted = 0;
  for (const { team, department, people, leaning } of DEMO_TEAMS) {
    for (let person = 1; person <= people; person += 1) {
      const employee: EmbedTokenPrincipal = {
        kind: "EMBED_TOKEN",
        organizationId,
        role: "EMPLOYEE",
        subject: `demo-${team.toLowerCase()}-${person}`,
        team,
        department,
        locale: null,
        kid: "demo-seed",
        defaultLocale: "en",
      };
      const attempt = await services.attempts.start(employee, DEMO_REPORT_ASSESSMENT);
      const { items } = await versionItems.get(attempt.versionId);
      // How strong this person is overall: answers lean the same way, as real ones do.
      const strength = Math.min(0.95, Math.max(0.05, leaning + (random() - 0.5) * 0.6));
      for (const item of items) {
        const good = random() < strength;
        const answer =
          item.kind === "LIKERT"
            ? {
                value:
                  good !== item.reverseKeyed
                    ? 4 + Math.round(random())
                    : 1 + Math.round(random() * 2),
              }
            : item.kind === "REFLECTION"
              ? { text: "A private note only this employee ever sees." }
              : { optionId: pickOption(item.options, good, random) };
        await services.attempts.saveAnswer(employee, {
          attemptId: attempt.id,
          itemId: item.id,
          ...answer,
        });
      }
      await services.attempts.submit(employee, attempt.id, `demo-seed-${employee.subject}`, {
        submittedAt: new Date(Date.UTC(lastMonth.year, lastMonth.month, 10, 9, submitted)),
      });
      submitted += 1;
    }
  }
  return submitted;
}

/** The option with the most points in all (a good answer), or any other one. */
function pickOption(
  options: readonly { id: string; weights: Partial<Record<string, number>> }[],
  good: boolean,
  random: () => number,
): string | null {
  const points = (option: (typeof options)[number]) =>
    Object.values(option.weights).reduce<number>((total, weight) => total + (weight ?? 0), 0);
  const ranked = [...options].sort((a, b) => points(b) - points(a));
  if (good) return ranked[0]?.id ?? null;
  return ranked[1 + Math.floor(random() * (ranked.length - 1))]?.id ?? null;
}

/** A small seeded generator (mulberry32): the same sequence on every machine. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
