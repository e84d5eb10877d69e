import { describe, expect, it } from 'vitest';
import { createNeverCapture } from '../../lib/findings/never-capture';
import { readCadenceDays } from './cadence-days';
import { currencyOptions } from './currencies';
import { readNeverCaptureEntry, splitEntries } from './never-capture-entry';
import { describeTerms } from './service-terms';
import { siteHost, siteName } from './site-label';

describe('readCadenceDays', () => {
  it.each([
    ['1', 1],
    ['30', 30],
    [' 3650 ', 3650],
    ['007', 7],
  ])('reads %j as %i', (text, days) => {
    expect(readCadenceDays(text)).toEqual({ ok: true, value: days });
  });

  it.each(['', '0', '3651', '1.5', '1e2', '-1', '30 days', '٣٠'])('refuses %j', (text) => {
    expect(readCadenceDays(text).ok).toBe(false);
  });
});

describe('readNeverCaptureEntry', () => {
  it.each([
    ['Boss@Home.Example', 'boss@home.example', 'boss@home.example'],
    ['mailto:Boss@Home.Example', 'boss@home.example', 'boss@home.example'],
    ['Home.Example', 'home.example', 'x@home.example'],
    ['@home.example', 'home.example', 'x@sub.home.example'],
    ['bücher.example', 'xn--bcher-kva.example', 'zoë@bücher.example'],
  ])('stores %j as %j, which the background then matches', (typed, stored, probe) => {
    const reading = readNeverCaptureEntry(typed, []);
    expect(reading).toEqual({ ok: true, entry: stored });
    // The list works as the background reads it: the same normalisation on both sides.
    const normalizedProbe = probe.replace('bücher', 'xn--bcher-kva');
    expect(createNeverCapture([stored])(normalizedProbe)).toBe(true);
  });

  it.each(['', 'home', 'not an address', 'a@', '@', 'x@-bad-.example', '192.168.0.1'])(
    'refuses %j',
    (typed) => {
      expect(readNeverCaptureEntry(typed, []).ok).toBe(false);
    },
  );

  it('splits pasted lists on commas, semicolons and spaces', () => {
    expect(splitEntries(' a@x.example,b.example; c.example  d@e.example ')).toEqual([
      'a@x.example',
      'b.example',
      'c.example',
      'd@e.example',
    ]);
  });
});

describe('site labels', () => {
  it.each([
    ['https://mail.google.com/*', 'mail.google.com', 'Gmail'],
    ['https://outlook.office.com/*', 'outlook.office.com', 'Outlook'],
    ['https://crm.example/*', 'crm.example', 'crm.example'],
    ['http://localhost/*', 'http://localhost', 'http://localhost'],
    ['<all_urls>', '<all_urls>', '<all_urls>'],
  ])('%s is shown as %s, named %s', (pattern, host, name) => {
    expect(siteHost(pattern)).toBe(host);
    expect(siteName(pattern)).toBe(name);
  });
});

describe('currencyOptions', () => {
  it('lists ISO currencies by code with their names, keeping an unknown stored one', () => {
    const options = currencyOptions('en');
    expect(options.find((o) => o.code === 'EUR')?.label).toBe('EUR — Euro');
    expect(options.find((o) => o.code === 'JPY')?.label).toBe('JPY — Japanese Yen');
    const codes = options.map((o) => o.code);
    expect(codes).toEqual([...codes].sort());
    expect(currencyOptions('en', 'XTS').some((o) => o.code === 'XTS')).toBe(true);
  });
});

describe('describeTerms', () => {
  const rate = { amountMinor: 15_000, currency: 'USD' };
  it.each([
    [{ pricingModel: 'hourly', rate }, '$150.00 an hour'],
    [{ pricingModel: 'fixed-fee', rate }, '$150.00 fixed fee'],
    [{ pricingModel: 'one-time', rate }, '$150.00 once'],
    [{ pricingModel: 'retainer', rate, billingPeriod: 'quarter' }, '$150.00 a quarter (retainer)'],
    [
      {
        pricingModel: 'subscription',
        rate: { amountMinor: 980, currency: 'JPY' },
        billingPeriod: 'month',
      },
      '¥980 a month (subscription)',
    ],
  ] as const)('%j reads %j', (terms, text) => {
    expect(describeTerms(terms, 'en-US')).toBe(text);
  });
});
