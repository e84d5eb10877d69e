import { describe, expect, it } from 'vitest';
import { contactsFromFindings } from './contacts-from-findings';
import type { Finding } from './types';

const mailto = (email: string, name?: string): Finding => ({
  email,
  source: 'mailto',
  confidence: 0.9,
  ...(name ? { name } : {}),
});
const text = (email: string, confidence = 0.6): Finding => ({
  email,
  source: 'text-email',
  confidence,
});

describe('contactsFromFindings', () => {
  it('turns one finding into one contact', () => {
    expect(contactsFromFindings([mailto('ada@example.com', 'Ada')])).toEqual([
      {
        emails: ['ada@example.com'],
        phones: [],
        sources: ['mailto'],
        confidence: 0.9,
        name: 'Ada',
      },
    ]);
  });

  it('merges the same address from two detectors: both sources, higher confidence, name kept', () => {
    const [contact, ...rest] = contactsFromFindings([
      mailto('ada@example.com', 'Ada Lovelace'),
      text('ada@example.com'),
    ]);
    expect(rest).toEqual([]);
    expect(contact?.emails).toEqual(['ada@example.com']);
    expect(contact?.sources).toEqual(['mailto', 'text-email']);
    expect(contact?.name).toBe('Ada Lovelace');
    // 1 − (1 − 0.9)(1 − 0.6) = 0.96: surer than either detector alone.
    expect(contact?.confidence).toBeCloseTo(0.96, 10);
    expect(contact?.confidence).toBeGreaterThan(0.9);
  });

  it('takes the name from a later finding when the first had none', () => {
    const [contact] = contactsFromFindings([
      text('ada@example.com'),
      mailto('ada@example.com', 'Ada'),
    ]);
    expect(contact?.name).toBe('Ada');
    expect(contact?.sources).toEqual(['text-email', 'mailto']);
    expect(contact?.confidence).toBeCloseTo(0.96, 10);
  });

  it('keeps the first name seen', () => {
    const [contact] = contactsFromFindings([
      mailto('ada@example.com', 'Ada Lovelace'),
      mailto('ada@example.com', 'Countess of Lovelace'),
    ]);
    expect(contact?.name).toBe('Ada Lovelace');
  });

  it('does not raise the confidence for the same detector seeing an address again', () => {
    const [contact] = contactsFromFindings([
      text('ada@example.com', 0.5),
      text('ada@example.com', 0.6),
      text('ada@example.com', 0.4),
    ]);
    expect(contact?.sources).toEqual(['text-email']);
    expect(contact?.confidence).toBe(0.6);
  });

  it('keeps different addresses apart, in the order first seen', () => {
    const contacts = contactsFromFindings([
      text('grace@navy.example'),
      mailto('ada@example.com', 'Ada'),
      text('ada@example.com'),
      text('linus@kernel.example'),
      text('grace@navy.example'),
    ]);
    expect(contacts.map((c) => [c.emails, c.sources])).toEqual([
      [['grace@navy.example'], ['text-email']],
      [['ada@example.com'], ['mailto', 'text-email']],
      [['linus@kernel.example'], ['text-email']],
    ]);
    expect(contacts[0]).not.toHaveProperty('name');
  });

  it('returns nothing for no findings', () => {
    expect(contactsFromFindings([])).toEqual([]);
  });
});
