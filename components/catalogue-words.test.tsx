import { render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import german from '../public/_locales/de/messages.json';
import french from '../public/_locales/fr/messages.json';
import { CatalogueSchema, formatMessage } from '../lib/i18n/catalogue';
import type { Party } from '../lib/domain/party';
import { BulkActions } from './BulkActions';
import { CardDetails } from './CardDetails';
import { describeDependents } from './DeleteParty';
import { EditParty } from './EditParty';
import { offerText } from './ThreadLog';

/** The pages as a German or French browser shows them: the catalogue's words, Intl's numbers. */
function speak(messages: unknown) {
  const catalogue = CatalogueSchema.parse(messages);
  fakeBrowser.i18n.getMessage = (key: string, substitutions?: string | (string | number)[]) =>
    formatMessage(catalogue, key, [substitutions ?? []].flat().map(String));
}

const none = { parties: 1, interactions: 0, followUps: 0, engagements: 0, purchases: 0 };
const noop = () => undefined;

describe('components in another language', () => {
  describe('German', () => {
    beforeEach(() => speak(german));

    it('counts with the plural forms and separators of the language', () => {
      expect(describeDependents({ ...none, interactions: 1, followUps: 2, purchases: 1 })).toBe(
        '1 Kontakt, 2 Wiedervorlagen und 1 Kauf',
      );
      render(
        <BulkActions
          count={1234}
          busy={false}
          onDelete={noop}
          onKind={noop}
          onTag={noop}
          onExport={noop}
          onClear={noop}
        />,
      );
      expect(screen.getByRole('status').textContent).toContain('1.234 Einträge ausgewählt');
      expect(screen.getByRole('button', { name: 'Als CSV exportieren' })).toBeTruthy();
    });
  });

  describe('German, the address-book fields', () => {
    beforeEach(() => speak(german));
    const party: Party = {
      id: '00000000-0000-4000-8000-000000000001',
      type: 'person',
      name: 'Ada Lovelace',
      kind: 'client',
      kindHistory: [{ kind: 'client', at: 0 }],
      emails: [],
      phones: [],
      domains: [],
      tags: [],
      notes: '',
      createdAt: 0,
      updatedAt: 0,
      nameParts: { given: 'Ada', family: 'Lovelace' },
      nickname: 'Countess',
      birthday: '1815-12-10',
      anniversary: '--07-08',
      addresses: [
        { types: ['work'], street: 'Storgatan 1', postalCode: '411 38', locality: 'Göteborg' },
      ],
    };

    it('the record shows dates and address types in the language', () => {
      render(<CardDetails party={party} locale="de" />);
      expect(screen.getByTestId('party-birthday').textContent).toBe(
        'Geburtstag: 10. Dezember 1815',
      );
      expect(screen.getByTestId('party-anniversary').textContent).toBe('Jahrestag: 8. Juli');
      expect(screen.getByTestId('party-address-type').textContent).toBe('Arbeit: ');
      expect(screen.getByTestId('party-nickname').textContent).toBe('“Countess”');
    });

    it('the edit form names the name parts and reads a date back in the language', () => {
      render(<EditParty party={party} busy={false} problem={null} onSave={noop} onCancel={noop} />);
      expect(screen.getByRole('group', { name: german.edit_nameParts.message })).toBeTruthy();
      expect(screen.getByLabelText(german.edit_familyName.message)).toHaveProperty(
        'value',
        'Lovelace',
      );
      expect(screen.getByTestId('edit-birthday-reads').textContent).toBe('10. Dezember 1815');
    });
  });

  describe('French', () => {
    beforeEach(() => speak(french));

    it('names people in a thread with the language’s own list and plural', () => {
      expect(
        offerText([
          { partyId: 'a', name: 'Ada', count: 1 },
          { partyId: 'b', name: 'Bob', count: 2 },
        ]),
      ).toBe('3 e-mails avec Ada et Bob dans cette conversation');
      expect(describeDependents(none)).toMatch(/^rien d’autre/);
    });
  });

  it('English keeps its wording, one and many', () => {
    expect(describeDependents({ ...none, interactions: 1, engagements: 3 })).toBe(
      '1 interaction and 3 engagements',
    );
  });
});
