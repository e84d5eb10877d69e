// No zod here: these shapes are built in a content script, and the background parses
// them with lib/protocol/areas/email.ts's schemas.

/** A person in a message's header. */
export interface ThreadPerson {
  email: string;
  name?: string;
}

/** One message of the open thread, as its header shows it: nothing is judged here. */
export interface ThreadMessage {
  /** The webmail's own id for the message (Gmail's message id attributes, Outlook's item id). */
  id?: string;
  from?: ThreadPerson;
  /** To and Cc, outside quoted history. */
  to: ThreadPerson[];
  /** The date as the page writes it (a `title` or `datetime`): the background reads it. */
  date?: string;
  /** The start of the message's own text (quotes left out); the background keeps it only if allowed. */
  opening?: string;
}

/** The open thread of a webmail page. */
export interface ThreadReport {
  site: 'gmail' | 'outlook';
  url: string;
  subject?: string;
  /** The address of the account the page shows as signed in. */
  account?: string;
  messages: ThreadMessage[];
}

/** Messages read per thread: a page listing more is hostile or unusual, and the rest wait. */
export const MAX_THREAD_MESSAGES = 200;
/** Characters of a message's opening read from the page (the background keeps at most 280). */
export const OPENING_READ = 280;

export interface ThreadReadOptions {
  /**
   * Read each message's opening too. Off unless the background asks (the user chose to
   * keep openings): reading bodies is most of the cost of reading a thread.
   */
  opening?: boolean;
}
