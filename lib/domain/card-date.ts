/**
 * Whether a text is a card date as the record keeps it: `1815-12-10`, or `--12-10`
 * when the year is not known, and a day the calendar has (`--02-29` is one). No zod
 * here: the import preview runs this on every card in the page.
 */
export function isCardDate(value: string): boolean {
  const match = /^(?:(\d{4})-|--)(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.exec(value);
  if (!match) return false;
  // A year-less date may be the 29th of February: checked against a leap year.
  const year = match[1] === undefined ? 2000 : Number(match[1]);
  const day = Number(match[3]);
  return new Date(Date.UTC(year, Number(match[2]) - 1, day)).getUTCDate() === day;
}
