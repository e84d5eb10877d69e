import { z } from 'zod';
import type { Clock } from '../domain/clock';
import { IdSchema, newId } from '../domain/ids';
import { describeIssues } from '../domain/issues';
import { err, ok, refusal, type Result } from '../domain/result';
import { ServiceSchema, type Service } from '../domain/service';
import { inTransaction } from './in-transaction';
import type { GetDb } from './open';
import { lazy } from '../domain/lazy';

/** What the user edits: a new service has no id; an edited one keeps its own. */
export const ServiceDraftSchema = lazy(() =>
  ServiceSchema.pick({
    name: true,
    scope: true,
    terms: true,
  }).extend({ id: IdSchema.optional() }),
);
export type ServiceDraft = z.input<typeof ServiceDraftSchema>;

export interface ServiceContext {
  getDb: GetDb;
  clock: Clock;
}

/** A catalogue entry and how many engagements were made from it. */
export interface ServiceListing {
  service: Service;
  engagements: number;
}

const WRITE = { durability: 'strict' } as const;
const notFound = err(refusal('not_found', 'error_service_gone'));
const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The whole catalogue, offered services first, each group by name. */
export async function listServices(getDb: GetDb): Promise<ServiceListing[]> {
  const db = await getDb();
  const tx = db.transaction(['services', 'engagements'], 'readonly');
  const [services, engagements] = await Promise.all([
    tx.objectStore('services').getAll(),
    tx.objectStore('engagements').getAll(),
  ]);
  await tx.done;
  const uses = new Map<string, number>();
  for (const engagement of engagements) {
    if (engagement.serviceId)
      uses.set(engagement.serviceId, (uses.get(engagement.serviceId) ?? 0) + 1);
  }
  return services
    .map((value) => ServiceSchema.parse(value))
    .sort((a, b) => Number(a.archived) - Number(b.archived) || byName.compare(a.name, b.name))
    .map((service) => ({ service, engagements: uses.get(service.id) ?? 0 }));
}

/**
 * Adds a service, or changes an existing one's name, scope and terms. Engagements
 * copied their terms when they were made, so an edit never rewrites an agreement.
 * Two offered services may not share a name: engagements are picked by it.
 * (Archived ones may: a retired offer is often replaced by a new one of that name.)
 */
export async function saveService(
  context: ServiceContext,
  draft: ServiceDraft,
): Promise<Result<Service>> {
  const parsed = ServiceDraftSchema.safeParse(draft);
  if (!parsed.success) return err({ code: 'invalid', message: describeIssues(parsed.error) });
  const { id, ...fields } = parsed.data;
  const now = context.clock();
  const db = await context.getDb();
  const tx = db.transaction('services', 'readwrite', WRITE);
  return inTransaction(tx, async (): Promise<Result<Service>> => {
    const existing = id === undefined ? undefined : await tx.store.get(id);
    if (id !== undefined && !existing) return notFound;
    const offered = !existing?.archived;
    const clash = offered ? await offeredNamed(tx.store, fields.name, id) : undefined;
    if (clash) return duplicate(clash);
    const service = ServiceSchema.parse(
      existing
        ? { ...existing, ...fields, updatedAt: now }
        : { id: newId(), ...fields, archived: false, createdAt: now, updatedAt: now },
    );
    await tx.store.put(service);
    return ok(service);
  });
}

/** Another offered service with this name (archived ones may share it). */
async function offeredNamed(
  store: { getAll(): Promise<Service[]> },
  name: string,
  except: string | undefined,
): Promise<Service | undefined> {
  return (await store.getAll()).find(
    (other) => other.id !== except && !other.archived && byName.compare(other.name, name) === 0,
  );
}

function duplicate(clash: Service) {
  return err(refusal('duplicate', 'error_service_name_taken', { name: clash.name }));
}

/** Retires a service from the catalogue (or offers it again); engagements keep pointing at it. */
export async function setServiceArchived(
  context: ServiceContext,
  id: string,
  archived: boolean,
): Promise<Result<Service>> {
  const db = await context.getDb();
  const tx = db.transaction('services', 'readwrite', WRITE);
  return inTransaction(tx, async (): Promise<Result<Service>> => {
    const current = await tx.store.get(id);
    if (!current) return notFound;
    const clash = archived ? undefined : await offeredNamed(tx.store, current.name, id);
    if (clash) return duplicate(clash);
    const service = { ...ServiceSchema.parse(current), archived, updatedAt: context.clock() };
    await tx.store.put(service);
    return ok(service);
  });
}

/**
 * Deletes a service no engagement was made from, and returns it so the user can
 * undo. One that is in use is refused: archive it instead, and its engagements
 * still say what they were for. The check and the delete share a transaction, so
 * an engagement made meanwhile cannot be orphaned.
 */
export async function deleteService(getDb: GetDb, id: string): Promise<Result<Service>> {
  const db = await getDb();
  const tx = db.transaction(['services', 'engagements'], 'readwrite', WRITE);
  return inTransaction(tx, async (): Promise<Result<Service>> => {
    const current = await tx.objectStore('services').get(id);
    if (!current) return notFound;
    let uses = 0;
    let cursor = await tx.objectStore('engagements').openCursor();
    while (cursor) {
      if (cursor.value.serviceId === id) uses += 1;
      cursor = await cursor.continue();
    }
    if (uses > 0) {
      return err(refusal('in_use', 'error_service_in_use', { count: uses }));
    }
    await tx.objectStore('services').delete(id);
    return ok(ServiceSchema.parse(current));
  });
}

/** Puts back a service exactly as it was before it was deleted (undo). */
export async function restoreService(getDb: GetDb, service: Service): Promise<Result<Service>> {
  const parsed = ServiceSchema.safeParse(service);
  if (!parsed.success) return err({ code: 'invalid', message: describeIssues(parsed.error) });
  const db = await getDb();
  const tx = db.transaction('services', 'readwrite', WRITE);
  return inTransaction(tx, async (): Promise<Result<Service>> => {
    if (await tx.store.get(parsed.data.id)) {
      return err(refusal('exists', 'error_service_exists'));
    }
    await tx.store.add(parsed.data);
    return ok(parsed.data);
  });
}
