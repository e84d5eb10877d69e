import type { Party } from '../domain';

/** Which record holds each normalised address and phone on file. */
export class Owners {
  private readonly emails = new Map<string, string>();
  private readonly phones = new Map<string, string>();

  /** The record holding any of the party's addresses or, failing that, phones. */
  of(party: Pick<Party, 'emails' | 'phones'>): string | undefined {
    for (const email of party.emails) {
      const id = this.emails.get(email);
      if (id !== undefined) return id;
    }
    for (const phone of party.phones) {
      const id = this.phones.get(phone);
      if (id !== undefined) return id;
    }
    return undefined;
  }

  /** Notes that `id` holds these addresses and phones, which no record holds yet. */
  claim(emails: readonly string[], phones: readonly string[], id: string): void {
    for (const email of emails) this.emails.set(email, id);
    for (const phone of phones) this.phones.set(phone, id);
  }

  /** Notes that `id` holds these addresses and phones, where none holds them yet. */
  learn(emails: readonly string[], phones: readonly string[], id: string): void {
    for (const email of emails) if (!this.emails.has(email)) this.emails.set(email, id);
    for (const phone of phones) if (!this.phones.has(phone)) this.phones.set(phone, id);
  }
}
