import type { z } from 'zod';
import { ERROR_TEXT_CODES } from './error-text';
import { uiText, type UiText } from './ui-text';

const OWN_WORDS = new Set<string>(ERROR_TEXT_CODES);

/**
 * The first problem zod found, as words for the page: a refinement of ours names
 * its own code as its message ({ message: 'error_end_before_start' }); anything
 * else names the field it is in ("emails.0").
 */
export function describeIssues(error: z.ZodError): UiText {
  const issue = error.issues[0];
  if (!issue) return uiText('error_invalid_field');
  if (OWN_WORDS.has(issue.message))
    return uiText(issue.message as (typeof ERROR_TEXT_CODES)[number]);
  return uiText('error_invalid_field', { field: issue.path.map(String).join('.') });
}

/** The field zod found the first problem in ("emails.0"), for the page to name. */
export function fieldOf(error: z.ZodError): string {
  return error.issues[0]?.path.map(String).join('.') ?? '';
}
