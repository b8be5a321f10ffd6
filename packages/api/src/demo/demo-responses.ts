import type { EmbedTokenPrincipal } from "../auth/principal.js";
import type { Services } from "../context.js";
import { VersionItemsCache } from "../modules/attempt/version-items.js";
import { sampleAnswer, seededRandom } from "./sample-answers.js";
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
  const random = seededRandom(20261129);
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
        const answer = sampleAnswer(item, strength, random);
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
