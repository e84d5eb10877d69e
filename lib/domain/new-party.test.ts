import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE, checkInHealth } from './cadence';
import { DAY_MS } from './clock';
import {
  applyInteraction,
  newParty,
  normalizeEmails,
  normalizePhones,
  withoutUndefined,
  type NewPartyContext,
} from './new-party';
import { PartyDraftSchema, PartySchema, type Party, type PartyDraft } from './party';
import type { Result } from './result';
import { say } from '../../lib/ui/ui-text';

const NOW = Date.UTC(2026, 10, 23, 9, 15);
const context: NewPartyContext = { id: 'id-1', now: NOW, region: 'US', cadence: DEFAULT_CADENCE };

const draft = (fields: Partial<PartyDraft> = {}) =>
  PartyDraftSchema.parse({ name: 'Ada Lovelace', kind: 'client', ...fields });

function value<T>(result: Result<T>): T {
  if (!result.ok)
    throw new Error(`expected ok, got ${result.error.code}: ${result.error.message.code}`);
  return result.value;
}

describe('normalizeEmails', () => {
  it('normalises, drops blanks and dedupes, keeping first-seen order', () => {
    expect(
      normalizeEmails([
        ' Grace@Navy.example ',
        '',
        'ada@example.com',
        '   ',
        'mailto:GRACE@navy.example',
        'Ada@Example.COM',
      ]),
    ).toStrictEqual({ ok: true, value: ['grace@navy.example', 'ada@example.com'] });
  });

  it('names the first bad address', () => {
    expect(normalizeEmails(['ada@example.com', 'not-an-email', 'also@bad'])).toStrictEqual({
      ok: false,
      error: {
        code: 'invalid_email',
        message: { code: 'error_not_email', params: { value: 'not-an-email' } },
      },
    });
  });

  it('accepts an empty list', () => {
    expect(normalizeEmails([])).toStrictEqual({ ok: true, value: [] });
  });
});

describe('normalizePhones', () => {
  it('normalises to E.164, drops blanks and dedupes across spellings', () => {
    expect(
      normalizePhones(
        [
          '(212) 555-0100',
          '',
          '+1 212-555-0100',
          'tel:+12125550100',
          '212.555.0100 x7',
          '+49 30 12345678',
        ],
        'US',
      ),
    ).toStrictEqual({
      ok: true,
      value: ['+12125550100', '+12125550100;ext=7', '+493012345678'],
    });
  });

  it('reads national forms in the region it is given', () => {
    expect(normalizePhones(['030 12345678'], 'DE')).toStrictEqual({
      ok: true,
      value: ['+493012345678'],
    });
  });

  it('names the bad number and the region it was read in', () => {
    expect(normalizePhones(['(212) 555-0100', '555-0100'], 'US')).toStrictEqual({
      ok: false,
      error: {
        code: 'invalid_phone',
        message: { code: 'error_not_phone', params: { value: '555-0100', region: 'US' } },
      },
    });
  });
});

describe('newParty', () => {
  it('builds the complete party for a minimal client draft, with no undefined keys', () => {
    const party = value(newParty(draft(), context));
    expect(party).toStrictEqual({
      id: 'id-1',
      type: 'person',
      name: 'Ada Lovelace',
      kind: 'client',
      kindHistory: [{ kind: 'client', at: NOW }],
      emails: [],
      phones: [],
      domains: [],
      tags: [],
      notes: '',
      nextCheckInAt: NOW + 30 * DAY_MS,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(Object.values(party)).not.toContain(undefined);
  });

  it('normalises and dedupes emails and phones within the draft', () => {
    const party = value(
      newParty(
        draft({
          emails: [
            ' Ada@Example.COM',
            'ada@example.com',
            'mailto:ada@EXAMPLE.com',
            'zoë@Bücher.de',
          ],
          phones: ['(212) 555-0100', '+1 212 555 0100', 'tel:+1-212-555-0100', ''],
        }),
        context,
      ),
    );
    expect(party.emails).toStrictEqual(['ada@example.com', 'zoë@xn--bcher-kva.de']);
    expect(party.phones).toStrictEqual(['+12125550100']);
  });

  it.each<[Partial<PartyDraft>, string, string]>([
    [{ emails: ['ada@example.com', 'ada at example'] }, 'invalid_email', '“ada at example”'],
    [{ emails: ['user@localhost'] }, 'invalid_email', '“user@localhost”'],
    [{ phones: ['(212) 555-0100', '12345'] }, 'invalid_phone', '“12345”'],
    [{ phones: ['2026-11-23'] }, 'invalid_phone', '“2026-11-23”'],
    [{ phones: ['+1 212 555 0100 ext 12345678901'] }, 'invalid_phone', 'ext 12345678901'],
    // Emails are checked first.
    [{ emails: ['nope'], phones: ['nope'] }, 'invalid_email', '“nope”'],
  ])('refuses %j with %s naming the value', (fields, code, named) => {
    const result = newParty(draft(fields), context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(say(result.error.message)).toContain(named);
  });

  it('reads phones in the context region', () => {
    const party = value(
      newParty(draft({ phones: ['030 12345678'] }), { ...context, region: 'DE' }),
    );
    expect(party.phones).toStrictEqual(['+493012345678']);
    const us = newParty(draft({ phones: ['030 12345678'] }), context);
    expect(us).toMatchObject({ ok: false, error: { code: 'invalid_phone' } });
  });

  it('gives a prospect the stage "new" and a 14-day check-in', () => {
    const party = value(newParty(draft({ kind: 'prospect' }), context));
    expect(party.prospect).toStrictEqual({ stage: 'new' });
    expect(party.nextCheckInAt).toBe(NOW + 14 * DAY_MS);
  });

  it("keeps a prospect's own prospect info", () => {
    const prospect = { stage: 'qualified', source: 'conference', nextStep: 'call back' } as const;
    const party = value(newParty(draft({ kind: 'prospect', prospect }), context));
    expect(party.prospect).toStrictEqual(prospect);
  });

  it('drops prospect info from a party that is not a prospect', () => {
    const party = value(newParty(draft({ kind: 'customer', prospect: { stage: 'new' } }), context));
    expect('prospect' in party).toBe(false);
  });

  it.each([
    ['client', undefined, NOW + 30 * DAY_MS],
    ['customer', undefined, NOW + 90 * DAY_MS],
    ['prospect', undefined, NOW + 14 * DAY_MS],
    ['former', undefined, undefined],
    ['customer', 7, NOW + 7 * DAY_MS],
    ['former', 7, undefined],
  ] as const)('%s with checkInDays %s → nextCheckInAt %s', (kind, checkInDays, expected) => {
    const party = value(newParty(draft({ kind, checkInDays }), context));
    expect(party.nextCheckInAt).toBe(expected);
    expect('nextCheckInAt' in party).toBe(expected !== undefined);
    expect('checkInDays' in party).toBe(checkInDays !== undefined);
  });

  it('uses the cadence from the context', () => {
    const party = value(
      newParty(draft({ kind: 'client' }), {
        ...context,
        cadence: { ...DEFAULT_CADENCE, client: 10 },
      }),
    );
    expect(party.nextCheckInAt).toBe(NOW + 10 * DAY_MS);
    const none = value(
      newParty(draft({ kind: 'client' }), {
        ...context,
        cadence: { ...DEFAULT_CADENCE, client: null },
      }),
    );
    expect('nextCheckInAt' in none).toBe(false);
  });

  it('trims and lower-cases domains, dropping blanks', () => {
    const party = value(
      newParty(
        draft({ type: 'organization', domains: [' Example.COM ', '', '  ', 'Sub.Example.org'] }),
        context,
      ),
    );
    expect(party.domains).toStrictEqual(['example.com', 'sub.example.org']);
  });

  it('drops empty optional text instead of storing empty strings', () => {
    const party = value(
      newParty(draft({ organizationName: '   ', title: '', website: '' }), context),
    );
    expect('organizationName' in party).toBe(false);
    expect('title' in party).toBe(false);
    expect('website' in party).toBe(false);
  });

  it('keeps the optional fields it is given', () => {
    const captured = { url: 'https://mail.example.com/inbox/1', at: NOW - 1000 };
    const party = value(
      newParty(
        draft({
          organizationName: '  Analytical Engines Ltd ',
          title: 'Engineer',
          website: 'https://ada.example',
          tags: [' vip ', 'math'],
          notes: 'Prefers mornings.',
          captured,
        }),
        context,
      ),
    );
    expect(party).toMatchObject({
      organizationName: 'Analytical Engines Ltd',
      title: 'Engineer',
      website: 'https://ada.example',
      tags: ['vip', 'math'],
      notes: 'Prefers mornings.',
      captured,
    });
  });

  it('produces a party the stored schema accepts unchanged', () => {
    const party = value(
      newParty(
        draft({
          kind: 'prospect',
          emails: ['Zoë@Bücher.de'],
          phones: ['(212) 555-0100 ext. 12'],
          tags: ['lead'],
          checkInDays: 3,
        }),
        context,
      ),
    );
    expect(PartySchema.parse(party)).toStrictEqual(party);
  });
});

describe('applyInteraction', () => {
  const CREATED = Date.UTC(2026, 0, 1);
  const base = (fields: Partial<Party> = {}): Party =>
    PartySchema.parse({
      ...value(
        newParty(draft({ kind: 'client' }), {
          ...context,
          now: CREATED,
        }),
      ),
      ...fields,
    });

  it('the first interaction sets the last interaction and restarts the cadence from it', () => {
    const at = Date.UTC(2026, 1, 10);
    const now = Date.UTC(2026, 1, 11);
    const after = applyInteraction(base(), at, now, DEFAULT_CADENCE);
    expect(after.lastInteractionAt).toBe(at);
    expect(after.nextCheckInAt).toBe(Date.UTC(2026, 2, 12));
    expect(after.updatedAt).toBe(now);
    expect(after.createdAt).toBe(CREATED);
  });

  it.each([
    ['a newer interaction moves it forward', Date.UTC(2026, 5, 20), Date.UTC(2026, 5, 20)],
    ['an older interaction does not move it back', Date.UTC(2026, 4, 1), Date.UTC(2026, 5, 1)],
    ['the same instant leaves it', Date.UTC(2026, 5, 1), Date.UTC(2026, 5, 1)],
  ])('%s', (_label, at, expectedLast) => {
    const party = base({
      lastInteractionAt: Date.UTC(2026, 5, 1),
      nextCheckInAt: Date.UTC(2026, 6, 1),
    });
    const after = applyInteraction(party, at, Date.UTC(2026, 6, 15), DEFAULT_CADENCE);
    expect(after.lastInteractionAt).toBe(expectedLast);
    expect(after.nextCheckInAt).toBe(expectedLast + 30 * DAY_MS);
  });

  it('any interaction turns an overdue party on time', () => {
    const now = Date.UTC(2026, 10, 23);
    const party = base({
      lastInteractionAt: Date.UTC(2026, 8, 1),
      nextCheckInAt: Date.UTC(2026, 9, 1),
    });
    expect(checkInHealth(party, now)).toBe('overdue');
    const after = applyInteraction(party, now, now, DEFAULT_CADENCE);
    expect(after.nextCheckInAt).toBe(Date.UTC(2026, 11, 23));
    expect(checkInHealth(after, now)).toBe('on-time');
  });

  it('recomputes the check-in with the per-party cadence and the cadence given', () => {
    const at = Date.UTC(2026, 1, 28);
    expect(applyInteraction(base({ checkInDays: 1 }), at, at, DEFAULT_CADENCE).nextCheckInAt).toBe(
      Date.UTC(2026, 2, 1),
    );
    const customCadence = { ...DEFAULT_CADENCE, client: 2 };
    expect(applyInteraction(base(), at, at, customCadence).nextCheckInAt).toBe(
      Date.UTC(2026, 2, 2),
    );
  });

  it('a former party keeps no next check-in, and no undefined key for it', () => {
    const party = base({ kind: 'former', nextCheckInAt: Date.UTC(2026, 1, 1) });
    const after = applyInteraction(
      party,
      Date.UTC(2026, 3, 1),
      Date.UTC(2026, 3, 1),
      DEFAULT_CADENCE,
    );
    expect(after.lastInteractionAt).toBe(Date.UTC(2026, 3, 1));
    expect('nextCheckInAt' in after).toBe(false);
    expect(Object.values(after)).not.toContain(undefined);
  });

  it('does not modify the party it is given', () => {
    const party = base();
    const snapshot = structuredClone(party);
    applyInteraction(party, Date.UTC(2026, 3, 1), Date.UTC(2026, 3, 1), DEFAULT_CADENCE);
    expect(party).toStrictEqual(snapshot);
  });

  it('produces a party the stored schema accepts unchanged', () => {
    const after = applyInteraction(
      base(),
      Date.UTC(2026, 3, 1),
      Date.UTC(2026, 3, 2),
      DEFAULT_CADENCE,
    );
    expect(PartySchema.parse(after)).toStrictEqual(after);
  });
});

describe('withoutUndefined', () => {
  it('drops undefined keys and keeps every other value, falsy ones included', () => {
    expect(
      withoutUndefined({ a: undefined, b: null, c: 0, d: '', e: false, f: [], g: 'x' }),
    ).toStrictEqual({ b: null, c: 0, d: '', e: false, f: [], g: 'x' });
  });
});
