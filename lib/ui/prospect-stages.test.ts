import { describe, expect, it } from 'vitest';
import { prospectStageOptions, prospectUpdate } from './prospect-stages';

describe('prospect stages', () => {
  it('are offered in the order a sale moves through them', () => {
    expect(prospectStageOptions().map(([stage]) => stage)).toEqual([
      'new',
      'contacted',
      'qualified',
      'proposal',
      'negotiation',
    ]);
  });

  it('trims what was typed and leaves emptied fields out, which clears them', () => {
    expect(prospectUpdate({ stage: 'qualified', source: ' Referral ', nextStep: '  ' })).toEqual({
      stage: 'qualified',
      source: 'Referral',
    });
    expect(prospectUpdate({ stage: 'new', source: '', nextStep: 'Call Tuesday' })).toEqual({
      stage: 'new',
      nextStep: 'Call Tuesday',
    });
  });
});
