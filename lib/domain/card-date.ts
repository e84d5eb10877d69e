/**
 * Whether a text is a card date as the record keeps it: `1815-12-10`, or `--12-10`
 * when the year is not known, and a day the calendar has (`--02-29` is one). No zod
 * here: the import preview runs this on every card in the page.
 */
export function isCardDate(value: string): boolean {
  const match = /^(?:(\d{4})-|--)(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.exec(value);
  if (!match) return false;
  // A year-less date may be the 29th of February: checked against a leap year.
  // Years 0–99 as Date.UTC reads them (1900–1999), as this did when it made a Date.
  const written = match[1] === undefined ? 2000 : Number(match[1]);
  const year = written < 100 ? written + 1900 : written;
  return Number(match[3]) <= daysIn(year, Number(match[2]));
}

/** Days in a month (1–12) of the proleptic Gregorian calendar Date uses; no Date made. */
function daysIn(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}
