import { DASH_NAME, endsOwnText, SEPARATOR, SIGN_OFF } from './sign-offs';
import { findSignatureBlocks } from './signature-blocks';
import {
  firstNameIn,
  isContactLine,
  isSignatureLike,
  nameIn,
  readSignatureLines,
  type Signature,
} from './signature-lines';
import type { Finding, SignatureBlock } from './types';

/** Lines read after a sign-off: a signature is short, and quoted history may follow. */
const SIGNATURE_LINES = 8;

/**
 * A message body's signature (background: see signature-blocks.ts for what the page
 * sends). It starts after the last sign-off (`Best regards,`, `Mit freundlichen
 * Grüßen`, `Cheers 🎉`), separator (`--`, `—`, `_____`) or dash-signed name
 * (`-Abhishek Kona`); without any, it is a name line closing the message with a way
 * to reach them below it. It ends where quoted history starts, in any language read.
 * A first name alone (`Thanks,\nPaul`) is taken only when the sender's address agrees.
 * A signature without an address takes the sender's when the names agree.
 * Role 'signature', confidence 0.6; only signatures with an email or a phone are
 * returned (the rest cannot become a contact).
 */
export function readSignature(block: SignatureBlock): Finding | undefined {
  const own = ownLines(block.lines);
  const lines = block.signed ? own : signatureLines(own);
  if (!lines) return undefined;
  const sender = block.sender;
  // A first name alone is the writer's only when the sender agrees; it is not read as a title.
  const first = lines[0] && !nameIn(lines[0]) ? firstNameIn(lines[0]) : undefined;
  const named = first && sender ? nameFromSender(first, sender) : undefined;
  const rest = named ? lines.slice(1) : lines;
  const signature = readSignatureLines(rest.slice(0, SIGNATURE_LINES), named);
  if (named) signature.email ??= sender!.email;
  if (signature.name && !signature.email && sender && agrees(signature.name, sender))
    signature.email = sender.email;
  return signature.email || signature.phones.length > 0 ? toFinding(signature) : undefined;
}

/** The signatures in blocks a page sent, read. */
export function readSignatures(blocks: readonly SignatureBlock[] = []): Finding[] {
  return blocks.flatMap((block) => readSignature(block) ?? []);
}

/** Every signature in `root`, read at once (tests and benchmarks; the extension splits the work). */
export function findSignatures(root: ParentNode): Finding[] {
  return findSignatureBlocks(root).flatMap((finding) => {
    const read = finding.signature && readSignature(finding.signature);
    return read ? [read] : [];
  });
}

/** The body's own lines: up to where quoted history or a forwarded message starts. */
function ownLines(lines: readonly string[]): string[] {
  const end = lines.findIndex(endsOwnText);
  return end < 0 ? [...lines] : lines.slice(0, end);
}

/** The lines of the signature in a body's own lines, if it has one. */
function signatureLines(lines: string[]): string[] | undefined {
  for (let at = lines.length - 1; at >= 0; at--) {
    const line = lines[at]!;
    if (SIGN_OFF.test(line) || SEPARATOR.test(line)) return lines.slice(at + 1);
    const dashed = DASH_NAME.exec(line)?.[1];
    if (dashed && (nameIn(dashed) || firstNameIn(dashed)) && at >= lines.length - SIGNATURE_LINES)
      return [dashed, ...lines.slice(at + 1)];
  }
  return unsignedBlock(lines);
}

/**
 * No sign-off: a name line near the end with only signature-like lines under it,
 * one of them a way to reach the writer (`Jane Doe / Partner / Acme / +1 …`).
 */
function unsignedBlock(lines: string[]): string[] | undefined {
  for (let at = Math.max(0, lines.length - SIGNATURE_LINES); at < lines.length - 1; at++) {
    if (!nameIn(lines[at]!)) continue;
    const rest = lines.slice(at + 1);
    if (rest.every(isSignatureLike) && rest.some(isContactLine)) return lines.slice(at);
  }
  return undefined;
}

/**
 * A first name alone, made whole from the sender when their address or name agrees:
 * `Paul` with `paul.smith@…` is "Paul Smith", with `paul@…` "Paul".
 */
function nameFromSender(first: string, sender: NonNullable<SignatureBlock['sender']>) {
  const lower = fold(first);
  const senderName = sender.name?.split(' ');
  if (senderName && senderName.length > 1 && fold(senderName[0]!) === lower) return sender.name;
  const local = sender.email.slice(0, sender.email.lastIndexOf('@')).split('+')[0]!;
  const words = local.split(/[._-]/);
  if (words[0] !== lower) return undefined;
  if (words.length !== 2 || !/^\p{L}{2,}$/u.test(words[1]!)) return first;
  return `${first} ${words[1]![0]!.toUpperCase()}${words[1]!.slice(1)}`;
}

/** Lower case without accents: `José` signs for `jose@…`. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether a signature's name shares a word with the sender's name or address. */
function agrees(name: string, sender: NonNullable<SignatureBlock['sender']>): boolean {
  const words = new Set(name.toLowerCase().split(' '));
  const local = sender.email.slice(0, sender.email.lastIndexOf('@'));
  const theirs = [...(sender.name ?? '').toLowerCase().split(' '), ...local.split(/[._+-]/)];
  return theirs.some((word) => word.length > 1 && words.has(word));
}

function toFinding({ phones, ...signature }: Signature): Finding {
  const finding: Finding = { source: 'signature', confidence: 0.6, role: 'signature' };
  for (const [key, value] of Object.entries(signature) as [keyof typeof signature, string][])
    if (value) finding[key] = value;
  if (phones.length > 0) finding.phones = phones;
  return finding;
}
