/** A round number at or above `max` for the top of an axis: 1, 2, 2.5 or 5 times a power of ten. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= max) ?? 10;
  return step * power;
}

/** Height of a value on a 0..top scale drawn `height` tall; a non-zero value is at least 1 high. */
export function barHeight(value: number, top: number, height: number): number {
  if (value <= 0) return 0;
  return Math.max(1, (value / top) * height);
}
