import { describe, expect, it } from 'vitest';
import { mergeRecord } from './merge';

const base = {
  name: 'Ana',
  title: 'Director',
  notes: '',
  emails: ['a@x.example'],
  tags: ['vip'],
  updatedAt: 100,
  createdAt: 10,
};

describe('three-way merge', () => {
  it('takes each side’s own changes when they touch different fields', () => {
    const local = { ...base, title: 'CEO', updatedAt: 200 };
    const remote = { ...base, notes: 'met in Porto', updatedAt: 150 };
    expect(mergeRecord(base, { value: local, at: 200 }, { value: remote, at: 150 })).toEqual({
      value: { ...base, title: 'CEO', notes: 'met in Porto', updatedAt: 200 },
      conflicts: [],
    });
  });

  it.each([
    ['remote', 150, 300, 'Head of design'],
    ['local', 300, 150, 'CEO'],
  ] as const)(
    'gives a field both changed to the later edit (%s) and keeps the other',
    (winner, lAt, rAt, kept) => {
      const local = { ...base, title: 'CEO' };
      const remote = { ...base, title: 'Head of design' };
      const merged = mergeRecord(base, { value: local, at: lAt }, { value: remote, at: rAt });
      expect(merged.value.title).toBe(kept);
      expect(merged.conflicts).toEqual([
        {
          field: 'title',
          kept,
          replaced: kept === 'CEO' ? 'Head of design' : 'CEO',
          winner,
        },
      ]);
    },
  );

  it('merges lists as sets: additions on both sides kept, a removal on one side honoured', () => {
    const local = { ...base, emails: ['a@x.example', 'b@x.example'], tags: [] };
    const remote = { ...base, emails: ['a@x.example', 'c@x.example'], tags: ['vip', 'print'] };
    const merged = mergeRecord(base, { value: local, at: 1 }, { value: remote, at: 2 });
    expect(merged.value.emails).toEqual(['a@x.example', 'b@x.example', 'c@x.example']);
    expect(merged.value.tags).toEqual(['print']);
    expect(merged.conflicts).toEqual([]);
  });

  it('merges records in lists by id and reports their conflicts with a path', () => {
    const e = { id: 'e1', status: 'active', scopeNotes: 'two days' };
    const withList = { ...base, engagements: [e] };
    const local = {
      ...withList,
      engagements: [
        { ...e, status: 'paused' },
        { id: 'e2', status: 'proposed', scopeNotes: '' },
      ],
    };
    const remote = {
      ...withList,
      engagements: [{ ...e, status: 'ended', scopeNotes: 'three days' }],
    };
    const merged = mergeRecord(withList, { value: local, at: 5 }, { value: remote, at: 9 });
    expect(merged.value.engagements).toEqual([
      { id: 'e1', status: 'ended', scopeNotes: 'three days' },
      { id: 'e2', status: 'proposed', scopeNotes: '' },
    ]);
    expect(merged.conflicts).toEqual([
      { field: 'engagements[id:e1].status', kept: 'ended', replaced: 'paused', winner: 'remote' },
    ]);
  });

  it('without a base (both created the same record), differing fields are conflicts', () => {
    const merged = mergeRecord(
      undefined,
      { value: { ...base, title: 'A' }, at: 1 },
      { value: { ...base, title: 'B' }, at: 1 },
    );
    expect(merged.conflicts).toHaveLength(1);
    // A tie is broken the same way whichever side merges.
    const mirror = mergeRecord(
      undefined,
      { value: { ...base, title: 'B' }, at: 1 },
      { value: { ...base, title: 'A' }, at: 1 },
    );
    expect(mirror.value.title).toBe(merged.value.title);
  });

  it('keeps the earliest creation and the latest update, never as conflicts', () => {
    const merged = mergeRecord(
      base,
      { value: { ...base, createdAt: 5, updatedAt: 400 }, at: 400 },
      { value: { ...base, createdAt: 7, updatedAt: 500 }, at: 500 },
    );
    expect(merged.value).toMatchObject({ createdAt: 5, updatedAt: 500 });
    expect(merged.conflicts).toEqual([]);
  });

  it('drops a field one side cleared when the other left it alone', () => {
    const local = { ...base };
    const { title: _, ...remote } = base;
    expect(
      mergeRecord(base, { value: local, at: 1 }, { value: remote, at: 2 }).value,
    ).not.toHaveProperty('title');
  });
});
