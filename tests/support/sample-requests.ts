import { BACKUP_STORES } from '../../lib/transfer/backup-format';
import type { MessageName, RequestInput } from '../../lib/protocol/messages';

/** Ids of records a store holds, so that a sample request is about something real. */
export interface SampleIds {
  party: string;
  other: string;
  organization: string;
  service: string;
  engagement: string;
  followUp: string;
  tab: number;
  job: string;
  /** An undo entry: a deletion that can be taken back. */
  undoEntry: string;
}

const euros = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

/**
 * One valid request for every message, for tests that send each message the way a
 * surface would (or a hostile sender would try to). Keyed by every message name: a
 * new message without a sample here does not compile.
 */
export function sampleRequests(ids: SampleIds): { [N in MessageName]: RequestInput<N> } {
  return {
    'page/contactsFound': {
      url: 'https://hostile.example/team',
      contacts: [
        {
          name: '<img src=x onerror=alert(1)>',
          emails: ['mallory@hostile.example'],
          phones: ['+1 202 555 0100'],
          sources: ['mailto'],
          confidence: 0.9,
        },
      ],
    },
    'page/contacts': { tabId: ids.tab },
    'page/scan': { tabId: ids.tab },
    'email/threadRead': {
      site: 'gmail',
      url: 'https://hostile.example/#inbox/forged',
      subject: '<img src=x onerror=alert(1)>',
      messages: [
        {
          id: 'msg-f:1',
          from: { email: 'mallory@hostile.example', name: '<script>' },
          to: [{ email: 'victim@example.com' }],
          date: 'Wed, 5 Mar 2025, 10:42',
        },
      ],
    },
    'email/thread': { tabId: ids.tab },
    'email/logThread': { tabId: ids.tab },
    'email/undo': { interactionId: ids.party },
    'email/people': {},
    'email/dismissPerson': { email: 'mallory@hostile.example' },
    'parties/create': { name: 'Mallory', kind: 'client', emails: ['mallory@hostile.example'] },
    'parties/get': { id: ids.party },
    'parties/setKind': { id: ids.party, kind: 'former', reason: 'taken over' },
    'parties/update': { id: ids.party, patch: { name: 'Renamed', notes: 'rewritten' } },
    'interactions/log': {
      partyId: ids.party,
      type: 'call',
      summary: 'forged call',
      followUpAt: 1_900_000_000_000,
      requestId: 'sample-log',
    },
    'interactions/list': { partyId: ids.party },
    'interactions/update': { id: ids.party, patch: { summary: 'Corrected' } },
    'search/rows': {},
    'due/list': {},
    'due/complete': { item: { kind: 'followUp', id: ids.followUp }, log: { summary: 'done' } },
    'due/snooze': { item: { kind: 'checkIn', partyId: ids.party }, until: 'next-week' },
    'followUps/list': { partyId: ids.party },
    'followUps/create': { partyId: ids.party, dueAt: 1_900_000_000_000, note: 'forged' },
    'services/list': {},
    'services/save': {
      name: 'Forged service',
      scope: '',
      terms: { pricingModel: 'hourly', rate: euros(100) },
    },
    'services/archive': { id: ids.service, archived: true },
    'services/delete': { id: ids.service },
    'services/restore': {
      id: 'restored-service',
      name: 'Restored',
      scope: '',
      terms: { pricingModel: 'fixed-fee', rate: euros(5000) },
      archived: false,
      createdAt: 1,
      updatedAt: 1,
    },
    'transfer/counts': {},
    'transfer/exportPage': { store: 'parties' },
    'transfer/restoreBegin': {
      mode: 'empty',
      schemaVersion: 1,
      counts: Object.fromEntries(BACKUP_STORES.map((store) => [store, 0])) as Record<
        (typeof BACKUP_STORES)[number],
        number
      >,
    },
    'transfer/restoreChunk': { jobId: ids.job, store: 'parties', offset: 0, records: [] },
    'transfer/restoreCommit': { jobId: ids.job },
    'transfer/cancel': { jobId: ids.job },
    'transfer/precheck': { emails: ['mallory@hostile.example'], phones: [] },
    'transfer/importChunk': {
      jobId: ids.job,
      drafts: [{ name: 'Imported', kind: 'prospect', emails: ['imported@hostile.example'] }],
    },
    'imports/list': {},
    'imports/undo': { batchId: ids.job },
    'transfer/importVcardLink': { tabId: ids.tab, url: 'https://hostile.example/card.vcf' },
    'panel/takeIntent': { tabId: ids.tab },
    'panel/showParty': { tabId: ids.tab, partyId: ids.party },
    'engagements/create': {
      partyId: ids.party,
      serviceName: 'Retainer',
      terms: { pricingModel: 'retainer', rate: euros(250_000), billingPeriod: 'month' },
      startOn: '2025-01-01',
      status: 'active',
    },
    'engagements/setStatus': { id: ids.engagement, status: 'ended', endOn: '2025-06-30' },
    'engagements/catalogue': {},
    'engagements/list': { partyId: ids.party },
    'purchases/record': {
      partyId: ids.party,
      on: '2025-02-03',
      amount: euros(1200),
      description: 'Workshop seat',
    },
    'purchases/list': { partyId: ids.party },
    'parties/summary': { id: ids.party },
    'prospects/update': { id: ids.party, stage: 'proposal', source: 'forged' },
    'duplicates/find': {},
    'duplicates/preview': { survivorId: ids.party, absorbedId: ids.other },
    'duplicates/merge': {
      survivorId: ids.party,
      absorbedId: ids.other,
      expected: { survivorUpdatedAt: 0, absorbedUpdatedAt: 0 },
    },
    'duplicates/link': { personId: ids.party, organizationId: ids.organization },
    'dashboard/figures': { timeZone: 'Europe/Paris' },
    'parties/deletionCounts': { ids: [ids.party] },
    'parties/delete': { ids: [ids.party, ids.other] },
    'parties/changeMany': {
      ids: [ids.party, ids.other],
      change: { kind: 'kind', to: 'former', reason: 'forged' },
    },
    'bulk/cancel': { operation: 'bulk-1' },
    'records/delete': { store: 'followUps', id: ids.followUp },
    'records/update': { store: 'engagements', id: ids.engagement, patch: { scopeNotes: 'forged' } },
    'undo/apply': { entryId: ids.undoEntry },
    'undo/recentlyDeleted': {},
    'undo/forget': { entryId: ids.undoEntry, neverCapture: true },
    'sync/status': {},
    'sync/connect': {
      server: 'http://127.0.0.1:9/dav/',
      user: 'mallory',
      password: 'not-a-real-password',
      remember: false,
    },
    'sync/choose': {
      addressbook: { href: 'http://127.0.0.1:9/dav/mallory/book/' },
      calendar: { create: 'Clientele' },
      defaultKind: 'prospect',
    },
    'sync/now': {},
    'sync/disconnect': { forget: true },
  };
}
