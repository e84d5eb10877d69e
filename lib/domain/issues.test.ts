import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues } from './issues';
import { PartyDraftSchema } from './party';

describe('describeIssues', () => {
  it('names the field of the first issue', () => {
    const result = z
      .object({ emails: z.array(z.string().min(3, 'too short')) })
      .safeParse({ emails: ['ok@x.io', 'a'] });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!)).toBe('emails.1: too short');
  });

  it('uses the schema message, e.g. for a missing name', () => {
    const result = PartyDraftSchema.safeParse({ name: '  ', kind: 'client' });
    expect(describeIssues(result.error!)).toBe('name: a name is required');
  });

  it('has no field prefix for a problem with the whole value', () => {
    const result = z.string().min(3, 'too short').safeParse('a');
    expect(describeIssues(result.error!)).toBe('too short');
  });

  it('falls back to a sentence when there are no issues', () => {
    expect(describeIssues(new z.ZodError([]))).toBe('Invalid input.');
  });
});
