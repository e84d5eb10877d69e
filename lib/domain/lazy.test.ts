import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazy } from './lazy';

describe('lazy', () => {
  it('builds nothing until the value is first read, then builds once', () => {
    let builds = 0;
    const Schema = lazy(() => {
      builds += 1;
      return z.object({ name: z.string() });
    });
    expect(builds).toBe(0);
    expect(Schema.parse({ name: 'Ada' })).toEqual({ name: 'Ada' });
    expect(Schema.safeParse({ name: 1 }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it('stands in for the schema everywhere zod looks at it', () => {
    const Inner = lazy(() => z.enum(['a', 'b']));
    const Outer = z.object({ inner: Inner, list: z.array(Inner).optional() });
    expect(Outer.parse({ inner: 'a', list: ['b'] })).toEqual({ inner: 'a', list: ['b'] });
    expect(Outer.safeParse({ inner: 'c' }).success).toBe(false);
    expect(Inner).toBeInstanceOf(z.ZodEnum);
    expect(Inner.options).toEqual(['a', 'b']);
    expect(Inner.optional().parse(undefined)).toBeUndefined();
    const Union = z.discriminatedUnion('kind', [
      lazy(() => z.object({ kind: z.literal('one'), n: z.number() })),
      lazy(() => z.object({ kind: z.literal('two') })),
    ]);
    expect(Union.parse({ kind: 'one', n: 1 })).toEqual({ kind: 'one', n: 1 });
    expect(Union.safeParse({ kind: 'three' }).success).toBe(false);
  });

  it('becomes an ordinary object with the value’s properties once read', () => {
    const value = lazy(() => ({ a: 1, b: 'two' }));
    expect(value.a).toBe(1);
    expect(Object.keys(value)).toEqual(['a', 'b']);
    expect({ ...value }).toEqual({ a: 1, b: 'two' });
    expect('b' in value).toBe(true);
    expect(Object.hasOwn(value, 'c')).toBe(false);
  });

  it('answers `in` and instanceof before anything else has read it', () => {
    const first = lazy(() => z.string());
    expect('parse' in first).toBe(true);
    const second = lazy(() => z.string());
    expect(second instanceof z.ZodString).toBe(true);
    expect(second.parse('x')).toBe('x');
  });
});
