/**
 * Which of a record's open follow-ups a compact list shows: the soonest `limit`, and
 * how many wait behind "Show all". Hiding a single one would spend a button on a
 * row's space, so then every one is shown. Without a limit, or once the user asked
 * for all, nothing is held back.
 */
export function followUpsShown<T>(
  followUps: readonly T[],
  limit: number | undefined,
  all: boolean,
): { shown: readonly T[]; hidden: number } {
  if (all || limit === undefined || followUps.length <= limit + 1)
    return { shown: followUps, hidden: 0 };
  return { shown: followUps.slice(0, limit), hidden: followUps.length - limit };
}
