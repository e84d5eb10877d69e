import { useCallback, useEffect, useState } from 'preact/hooks';
import type { RelationshipKind } from '../../lib/domain/relationship';
import type { PersonYouEmail } from '../../lib/protocol/areas/email';
import { sendMessage } from '../../lib/platform/messaging';
import type { StatusReport } from './use-status';

/** "People you email", read from the background; adding or dismissing one reads the list again. */
export function usePeopleYouEmail(report: StatusReport) {
  const [people, setPeople] = useState<PersonYouEmail[]>();

  const reload = useCallback(async () => {
    const read = await sendMessage('email/people', {});
    if (read.ok) setPeople(read.value.people);
    else report.failed(`People you email could not be read: ${read.error.message}`);
  }, [report]);

  useEffect(() => void reload(), [reload]);

  const add = async (person: PersonYouEmail, kind: RelationshipKind) => {
    report.saving();
    const name = person.name ?? person.email.slice(0, person.email.indexOf('@'));
    const created = await sendMessage('parties/create', { name, kind, emails: [person.email] });
    if (created.ok) report.saved(`${name} added as a ${kind}.`);
    else report.failed(created.error.message);
    await reload();
  };

  const dismiss = async (person: PersonYouEmail) => {
    const done = await sendMessage('email/dismissPerson', { email: person.email });
    if (done.ok) report.saved(`${person.email} will not be suggested again.`);
    else report.failed(done.error.message);
    await reload();
  };

  return { people, add, dismiss };
}
