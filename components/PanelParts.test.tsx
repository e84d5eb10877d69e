import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Interaction } from '../lib/domain/interaction';
import type { Party } from '../lib/domain/party';
import { KindHistory } from './KindHistory';
import { PartyCard } from './PartyCard';
import { Timeline } from './Timeline';

const NOW = Date.UTC(2026, 2, 5, 10, 0);
const party: Party = {
  id: 'p1',
  type: 'person',
  name: 'Ada Lovelace',
  kind: 'client',
  kindHistory: [
    { kind: 'prospect', at: Date.UTC(2025, 0, 3) },
    { kind: 'client', from: 'prospect', at: Date.UTC(2025, 5, 1), reason: 'Signed the retainer' },
  ],
  emails: ['ada@northwind.example'],
  phones: [],
  domains: [],
  website: 'https://ada.example',
  tags: ['vip'],
  notes: '',
  checkInDays: 14,
  createdAt: 0,
  updatedAt: 0,
};

describe('side panel parts', () => {
  it('the card shows website, tags and rhythm when detailed, and offers Edit', () => {
    const onEdit = vi.fn();
    render(
      <PartyCard
        view={{ party, health: 'on-time' }}
        now={NOW}
        busy={false}
        detailed
        onEdit={onEdit}
        onChangeKind={vi.fn()}
      />,
    );
    expect(screen.getByTestId('party-website').textContent).toBe('https://ada.example');
    expect(screen.getByTestId('check-in-days').textContent).toBe('Check in every 14 days');
    expect(screen.getByText('vip')).toBeTruthy();
    fireEvent.click(screen.getByTestId('edit-button'));
    expect(onEdit).toHaveBeenCalled();
  });

  it('the card stays as the popup knows it without the new props', () => {
    render(
      <PartyCard
        view={{ party, health: 'on-time' }}
        now={NOW}
        busy={false}
        onChangeKind={vi.fn()}
      />,
    );
    expect(screen.queryByTestId('edit-button')).toBeNull();
    expect(screen.queryByTestId('party-website')).toBeNull();
  });

  it('the history lists changes newest first, with the reason', () => {
    render(<KindHistory history={party.kindHistory} />);
    const items = screen.getByTestId('kind-history').querySelectorAll('li');
    expect([...items].map((item) => item.getAttribute('data-kind'))).toEqual([
      'client',
      'prospect',
    ]);
    expect(items[0]?.textContent).toMatch(/Prospect → Client · Signed the retainer/);
    expect(items[1]?.textContent).toMatch(/Added as prospect/);
  });

  it('the timeline links to the thread, and only to http(s) or mailto', () => {
    const base = {
      partyId: 'p1',
      type: 'email',
      direction: 'inbound',
      summary: 'Brief',
      requestId: 'r',
      createdAt: NOW,
    } as const;
    const interactions: Interaction[] = [
      { ...base, id: 'i1', at: NOW - 1000, link: 'https://mail.google.com/mail/u/0/#inbox/abc' },
      { ...base, id: 'i2', at: NOW - 2000, link: 'javascript:alert(1)' },
    ];
    render(<Timeline interactions={interactions} now={NOW} hasMore={false} onMore={vi.fn()} />);
    const links = screen.getAllByTestId('timeline-link');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('https://mail.google.com/mail/u/0/#inbox/abc');
    expect(links[0]?.textContent).toBe('Open mail.google.com');
  });
});
