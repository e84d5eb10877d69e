import { render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import german from '../public/_locales/de/messages.json';
import french from '../public/_locales/fr/messages.json';
import { CatalogueSchema, formatMessage } from '../lib/i18n/catalogue';
import { BulkActions } from './BulkActions';
import { describeDependents } from './DeleteParty';
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
