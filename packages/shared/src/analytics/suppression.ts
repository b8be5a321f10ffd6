/** One group of an aggregate report: its key and how many people it holds. */
export interface GroupSize {
  key: string;
  participants: number;
}

/** Why a group is hidden. */
export type SuppressionReason =
  /** Fewer participants than the organisation's minimum group size. */
  | "BELOW_MIN_GROUP_SIZE"
  /**
   * Large enough itself, but hidden with the small ones: otherwise subtracting the visible groups
   * from the total would reveal the hidden ones.
   */
  | "COMPLEMENTARY";

/**
 * Decides which sibling groups of a report to hide (design §4). Every group with
 * 0 < participants < `minGroupSize` is hidden; then, while the hidden groups together hold fewer
 * than `minGroupSize` people, the smallest visible group is hidden too, so that the total minus
 * the visible groups never describes fewer than `minGroupSize` people. Empty groups are never
 * shown and reveal nothing. Ties go by key, so every server hides the same groups.
 */
export function suppressGroups(
  groups: readonly GroupSize[],
  minGroupSize: number,
): Map<string, SuppressionReason> {
  const hidden = new Map<string, SuppressionReason>();
  let hiddenPeople = 0;
  for (const group of groups) {
    if (group.participants > 0 && group.participants < minGroupSize) {
      hidden.set(group.key, "BELOW_MIN_GROUP_SIZE");
      hiddenPeople += group.participants;
    }
  }
  if (hidden.size === 0) return hidden;
  const visible = groups
    .filter((group) => group.participants > 0 && !hidden.has(group.key))
    .sort(
      (a, b) => a.participants - b.participants || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
  for (const group of visible) {
    if (hiddenPeople >= minGroupSize) break;
    hidden.set(group.key, "COMPLEMENTARY");
    hiddenPeople += group.participants;
  }
  return hidden;
}

/**
 * The periods (e.g. months) whose people may count towards any total: those with none or at
 * least `minGroupSize`. A period with a few people is left out of every total of the group, not
 * just hidden on its own, so that two reports over ranges that differ by that period cannot be
 * subtracted to reveal it.
 */
export function periodsSafeToCount<T extends { participants: number }>(
  periods: readonly T[],
  minGroupSize: number,
): { counted: T[]; withheld: T[] } {
  const counted: T[] = [];
  const withheld: T[] = [];
  for (const period of periods) {
    (period.participants === 0 || period.participants >= minGroupSize ? counted : withheld).push(
      period,
    );
  }
  return { counted, withheld };
}
