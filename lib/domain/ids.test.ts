import { afterEach, describe, expect, it, vi } from 'vitest';
import { DAY_MS, systemClock } from './clock';
import { IdSchema, InstantSchema, newId } from './ids';
import { err, ok } from './result';

describe('newId', () => {
  it('makes distinct random UUIDs that are valid ids', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newId()));
    expect(ids.size).toBe(100);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(IdSchema.parse(id)).toBe(id);
    }
  });
});

describe('IdSchema', () => {
  it.each(['', 'x'.repeat(65)])('rejects %j', (id) => {
    expect(IdSchema.safeParse(id).success).toBe(false);
  });
});

describe('InstantSchema', () => {
  it.each([0, Date.UTC(2026, 10, 23), Date.UTC(2028, 1, 29, 23, 59, 59, 999)])(
    'accepts %i',
    (instant) => {
      expect(InstantSchema.parse(instant)).toBe(instant);
    },
  );

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '1700000000000', null])(
    'rejects %j',
    (instant) => {
      expect(InstantSchema.safeParse(instant).success).toBe(false);
    },
  );
});

describe('systemClock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads the (faked) wall clock in epoch milliseconds', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 10, 23, 12));
    expect(systemClock()).toBe(1_795_435_200_000);
    vi.advanceTimersByTime(DAY_MS);
    expect(systemClock()).toBe(1_795_435_200_000 + 86_400_000);
  });
});

describe('Result helpers', () => {
  it('ok and err build the two shapes', () => {
    expect(ok(3)).toStrictEqual({ ok: true, value: 3 });
    expect(err({ code: 'c', message: 'm' })).toStrictEqual({
      ok: false,
      error: { code: 'c', message: 'm' },
    });
  });
});
