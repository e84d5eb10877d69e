import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues, fieldOf } from './issues';
import { PartyDraftSchema } from './party';

// The page words these codes through the catalogue (lib/ui/error-wording.ts); zod's own
// English never reaches it.
describe('describeIssues', () => {
  it('names the field of the first issue', () => {
    const result = z
      .object({ emails: z.array(z.string().min(3, 'too short')) })
      .safeParse({ emails: ['ok@x.io', 'a'] });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!)).toEqual({
      code: 'error_invalid_field',
      params: { field: 'emails.1' },
    });
    expect(fieldOf(result.error!)).toBe('emails.1');
  });

  it('names the field for a schema message of its own, e.g. a missing name', () => {
    const result = PartyDraftSchema.safeParse({ name: '  ', kind: 'client' });
    expect(describeIssues(result.error!)).toEqual({
      code: 'error_invalid_field',
      params: { field: 'name' },
    });
  });

  it('uses our own refinement’s code as it is', () => {
    const result = z.string().min(3, 'error_end_before_start').safeParse('a');
    expect(describeIssues(result.error!)).toEqual({ code: 'error_end_before_start', params: {} });
  });

  it('has an empty field for a problem with the whole value', () => {
    const result = z.string().min(3, 'too short').safeParse('a');
    expect(describeIssues(result.error!)).toEqual({
      code: 'error_invalid_field',
      params: { field: '' },
    });
  });

  it('falls back to the general code when there are no issues', () => {
    expect(describeIssues(new z.ZodError([]))).toEqual({ code: 'error_invalid_field', params: {} });
  });
});
