/**
 * Keeps the best `size` of many candidates without sorting them all: a row is
 * compared with the worst kept one and, only when better, inserted in place.
 */
export class Top {
  readonly items: number[] = [];

  constructor(
    private readonly size: number,
    /** Negative when `a` ranks before `b`. */
    private readonly compare: (a: number, b: number) => number,
  ) {}

  offer(item: number): void {
    const { items, size, compare } = this;
    if (size <= 0) return;
    if (items.length === size) {
      if (compare(item, items[size - 1]!) >= 0) return;
      items.pop();
    }
    let at = items.length;
    while (at > 0 && compare(item, items[at - 1]!) < 0) at--;
    items.splice(at, 0, item);
  }
}
