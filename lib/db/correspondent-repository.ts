import type { GetDb } from './open';

/** People the user wrote to in more than `threshold` threads, not on file and not dismissed. */
export async function listPeopleYouEmail(
  getDb: GetDb,
  threshold: number,
): Promise<{ email: string; name?: string; threads: number }[]> {
  const db = await getDb();
  const tx = db.transaction(['correspondents', 'parties']);
  const people: { email: string; name?: string; threads: number }[] = [];
  for (const person of await tx.objectStore('correspondents').getAll()) {
    if (person.dismissed || person.threads.length <= threshold) continue;
    if (await tx.objectStore('parties').index('byEmail').getKey(person.email)) continue;
    people.push({
      email: person.email,
      ...(person.name && { name: person.name }),
      threads: person.threads.length,
    });
  }
  await tx.done;
  return people.sort((a, b) => b.threads - a.threads || a.email.localeCompare(b.email));
}

/** Never lists this person again ("dismiss for good"), even if never written to before. */
export async function dismissCorrespondent(
  getDb: GetDb,
  email: string,
  now: number,
): Promise<void> {
  const db = await getDb();
  const tx = db.transaction('correspondents', 'readwrite', { durability: 'strict' });
  const known = await tx.store.get(email);
  await tx.store.put({ ...(known ?? { email, threads: [] }), dismissed: true, updatedAt: now });
  await tx.done;
}
