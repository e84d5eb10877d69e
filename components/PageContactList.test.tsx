import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { PageContact } from '../lib/protocol/contact-schemas';
import { PageContactList } from './PageContactList';

const NOW = Date.UTC(2026, 10, 23, 12);
const unknown: PageContact = {
  contact: {
    name: 'Grace Hopper',
    emails: ['grace@navy.example'],
    phones: ['+12125550100'],
    title: 'Rear Admiral',
    sources: ['mailto', 'tel'],
    confidence: 0.9,
  },
};
const known: PageContact = {
  contact: { emails: ['ada@example.com'], phones: [], sources: ['text-email'], confidence: 0.6 },
  known: {
    health: 'overdue',
    party: {
      id: 'p1',
      type: 'person',
      name: 'Ada Lovelace',
      kind: 'client',
      kindHistory: [{ kind: 'client', at: 0 }],
      emails: ['ada@example.com'],
      phones: [],
      domains: [],
      tags: [],
      notes: '',
      lastInteractionAt: NOW - 3 * 86_400_000,
      createdAt: 0,
      updatedAt: 0,
    },
  },
};

describe('PageContactList', () => {
  it('offers each unknown contact as client, customer or prospect, prefilled from the page', () => {
    const onAdd = vi.fn();
    render(
      <PageContactList
        contacts={[unknown]}
        now={NOW}
        busy={false}
        onAdd={onAdd}
        onOpen={vi.fn()}
      />,
    );
    expect(screen.getByText('Rear Admiral')).toBeTruthy();
    expect(screen.getByText('+12125550100')).toBeTruthy();
    expect(screen.getByText('from email link, phone link')).toBeTruthy();
    fireEvent.click(screen.getByTestId('add-as-customer'));
    expect(onAdd).toHaveBeenCalledWith(unknown.contact, 'customer');
  });

  it('shows a known contact with its kind, health and last contact, and opens it', () => {
    const onOpen = vi.fn();
    render(
      <PageContactList contacts={[known]} now={NOW} busy={false} onAdd={vi.fn()} onOpen={onOpen} />,
    );
    expect(screen.getByTestId('kind-badge').getAttribute('data-kind')).toBe('client');
    expect(screen.getByRole('img', { name: 'Check-in overdue' })).toBeTruthy();
    expect(screen.getByTestId('last-interaction').textContent).toBe('Last contact 3 days ago');
    expect(screen.queryByTestId('add-as-client')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open Ada Lovelace' }));
    expect(onOpen).toHaveBeenCalledWith('p1');
  });

  it('renders page text as text, never as markup', () => {
    const hostile: PageContact = {
      contact: { ...unknown.contact, name: '<img src=x onerror=alert(1)>' },
    };
    const { container } = render(
      <PageContactList
        contacts={[hostile]}
        now={NOW}
        busy={false}
        onAdd={vi.fn()}
        onOpen={vi.fn()}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });
});
