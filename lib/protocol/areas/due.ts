/** Check-ins and follow-ups that are due: listing, done, snooze. */
export const dueMessages = {} as const;
