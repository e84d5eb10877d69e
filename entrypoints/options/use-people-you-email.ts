import { t, type MessageKey } from '../../lib/platform/i18n';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { RelationshipKind } from '../../lib/domain/relationship';
import type { PersonYouEmail } from '../../lib/protocol/areas/email';
import { sendMessage } from '../../lib/platform/messaging';
import type { StatusReport } from './use-status';
import { say } from '../../lib/ui/ui-text';

const ADDED_AS: Record<RelationshipKind, MessageKey> = {
  prospect: 'options_person_added_prospect',
  customer: 'options_person_added_customer',
  client: 'options_person_added_client',
  former: 'options_person_added_former',
};

/** "People you email", read from the background; adding or dismissing one reads the list again. */
export function usePeopleYouEmail(report: StatusReport) {
  const [people, setPeople] = useState<PersonYouEmail[]>();

  const reload = useCallback(async () => {
    const read = await sendMessage('email/people', {});
    if (read.ok) setPeople(read.value.people);
    else report.failed(t('options_people_unreadable', say(read.error.message)));
  }, [report]);

  useEffect(() => void reload(), [reload]);

  const add = async (person: PersonYouEmail, kind: RelationshipKind) => {
    report.saving();
    const name = person.name ?? person.email.slice(0, person.email.indexOf('@'));
    const created = await sendMessage('parties/create', { name, kind, emails: [person.email] });
    if (created.ok) report.saved(t(ADDED_AS[kind], name));
    else report.failed(say(created.error.message));
    await reload();
  };

  const dismiss = async (person: PersonYouEmail) => {
    const done = await sendMessage('email/dismissPerson', { email: person.email });
    if (done.ok) report.saved(t('options_person_dismissed', person.email));
    else report.failed(say(done.error.message));
    await reload();
  };

  return { people, add, dismiss };
}
