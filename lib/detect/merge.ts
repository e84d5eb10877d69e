import type { DetectedContact, Finding } from './types';

/**
 * Findings about the same address become one contact: the first name seen wins,
 * sources accumulate, and each further detector that saw it raises the confidence.
 */
export function mergeFindings(findings: readonly Finding[]): DetectedContact[] {
  const byEmail = new Map<string, DetectedContact>();
  for (const finding of findings) {
    const existing = byEmail.get(finding.email);
    if (!existing) {
      byEmail.set(finding.email, {
        emails: [finding.email],
        phones: [],
        sources: [finding.source],
        confidence: finding.confidence,
        ...(finding.name ? { name: finding.name } : {}),
      });
      continue;
    }
    // Like a new contact, never an explicit `name: undefined` key.
    if (existing.name === undefined && finding.name) existing.name = finding.name;
    if (!existing.sources.includes(finding.source)) {
      existing.sources.push(finding.source);
      existing.confidence = 1 - (1 - existing.confidence) * (1 - finding.confidence);
    } else {
      existing.confidence = Math.max(existing.confidence, finding.confidence);
    }
  }
  return [...byEmail.values()];
}
