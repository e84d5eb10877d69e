import { describe, expect, it } from 'vitest';
import { relationshipLayout } from './relationship-layout';

describe('relationshipLayout', () => {
  it('leads a client with engagements, adding one the main action', () => {
    expect(relationshipLayout('client')).toEqual({
      prospectDetails: false,
      lead: 'engagements',
      actions: ['engagement', 'purchase'],
      quietActions: false,
    });
  });

  it('leads a customer with purchases, recording one the main action', () => {
    expect(relationshipLayout('customer')).toMatchObject({
      prospectDetails: false,
      lead: 'purchases',
      actions: ['purchase', 'engagement'],
      quietActions: false,
    });
  });

  it('leads a prospect with the sale, and still offers both ways to convert', () => {
    const layout = relationshipLayout('prospect');
    expect(layout.prospectDetails).toBe(true);
    expect([...layout.actions].sort()).toEqual(['engagement', 'purchase']);
    expect(layout.quietActions).toBe(true);
  });

  it('shows only prospects the sale', () => {
    for (const kind of ['client', 'customer', 'former'] as const)
      expect(relationshipLayout(kind).prospectDetails).toBe(false);
  });
});
