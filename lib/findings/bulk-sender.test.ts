import { describe, expect, it } from 'vitest';
import { isBulkSender } from './bulk-sender';

describe('isBulkSender', () => {
  it.each([
    'no-reply@billing.example',
    'noreply@github.example',
    'do-not-reply@bank.example',
    'donotreply@shop.example',
    'notifications@service.example',
    'mailer-daemon@mail.example',
    'newsletter@brand.example',
    'no_reply+invoice@x.example',
  ])('%s sends for a system', (email) => {
    expect(isBulkSender(email)).toBe(true);
  });

  it.each([
    'dana@x.example',
    'noah@x.example',
    'newton@x.example',
    'billing.dept.lead@x.example',
    'alexander.news@x.example',
  ])('%s is a person', (email) => {
    expect(isBulkSender(email)).toBe(false);
  });
});
