// Small helpers the "Your data" section's parts share.
import type { RelationshipKind } from '../../../lib/domain/relationship';

export const KINDS: RelationshipKind[] = ['prospect', 'customer', 'client', 'former'];
export const number = (n: number) => n.toLocaleString('en');
export const plural = (n: number, one: string, many: string) =>
  `${number(n)} ${n === 1 ? one : many}`;

/** Hands text to the user as a file: a Blob URL on a temporary <a download>. */
export function downloadFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, so the download has its data.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
