// Fills a fresh profile's book from tests/fixtures/demo-book.json, through the same
// messages the popup sends (so records, timelines and search rows are all real).
import { readFileSync } from 'node:fs';

const DAY = 86_400_000;

export function readDemoBook() {
  return JSON.parse(readFileSync('tests/fixtures/demo-book.json', 'utf8'));
}

/** `extensionPage` is any open page of the extension (its origin may send privileged messages). */
export async function seedBook(extensionPage, book = readDemoBook(), now = Date.now()) {
  const ask = async (name, request) => {
    const reply = await extensionPage.evaluate(
      ([messageName, body]) =>
        chrome.runtime.sendMessage({ channel: 'clientele/1', name: messageName, request: body }),
      [name, request],
    );
    if (!reply?.ok) throw new Error(`${name} failed: ${JSON.stringify(reply?.error)}`);
    return reply.value;
  };
  const day = (daysFromNow) => new Date(now + daysFromNow * DAY).toISOString().slice(0, 10);
  const ids = {};
  for (const entry of book.parties) {
    const { view } = await ask('parties/create', entry.draft);
    ids[entry.draft.name] = view.party.id;
    // Oldest first, so the last one logged is the last contact.
    const interactions = [...entry.interactions].sort((a, b) => b.daysAgo - a.daysAgo);
    for (const [index, item] of interactions.entries()) {
      await ask('interactions/log', {
        partyId: view.party.id,
        type: item.type,
        at: now - item.daysAgo * DAY,
        summary: item.summary,
        requestId: `demo-${view.party.id}-${index}`,
        ...(item.followUpInDays === undefined
          ? {}
          : { followUpAt: now + item.followUpInDays * DAY }),
      });
    }
    for (const item of entry.engagements ?? []) {
      await ask('engagements/create', {
        partyId: view.party.id,
        serviceName: item.serviceName,
        terms: item.terms,
        startOn: day(-item.startDaysAgo),
        status: item.status,
        ...(item.renewInDays === undefined ? {} : { renewOn: day(item.renewInDays) }),
      });
    }
    for (const [index, item] of (entry.purchases ?? []).entries()) {
      await ask('purchases/record', {
        partyId: view.party.id,
        on: day(-item.daysAgo),
        amount: item.amount,
        description: item.description,
        recurrence: item.recurrence,
        requestId: `demo-purchase-${view.party.id}-${index}`,
      });
    }
  }
  return ids;
}
