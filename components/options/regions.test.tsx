import { getCountries } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { PHONE_REGIONS, regionOptions } from './regions';

describe('PHONE_REGIONS', () => {
  it('is exactly the list libphonenumber-js reads numbers for', () => {
    expect(PHONE_REGIONS).toEqual(getCountries());
  });
});

describe('regionOptions', () => {
  it('names every region in the given language, sorted by name', () => {
    const options = regionOptions('en');
    expect(options).toHaveLength(PHONE_REGIONS.length);
    expect(options.find((o) => o.code === 'DE')?.name).toBe('Germany');
    expect(options.find((o) => o.code === 'XK')?.name).toBe('Kosovo');
    const names = options.map((o) => o.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('en').compare));
    expect(regionOptions('de').find((o) => o.code === 'DE')?.name).toBe('Deutschland');
  });

  it('keeps a stored region the list does not have', () => {
    expect(regionOptions('en', 'EU').some((o) => o.code === 'EU')).toBe(true);
    expect(regionOptions('en', 'US').filter((o) => o.code === 'US')).toHaveLength(1);
  });
});
