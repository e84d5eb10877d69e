import type { z } from 'zod';

/** The first problem zod found, as a sentence naming the field: "emails.0: Invalid input". */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid input.';
  const where = issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/** The field zod found the first problem in ("emails.0"), for the page to name. */
export function fieldOf(error: z.ZodError): string {
  return error.issues[0]?.path.map(String).join('.') ?? '';
}
