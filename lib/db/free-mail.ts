/**
 * Mailbox providers whose domain says nothing about where a person works; a
 * gmail.com address must never link someone to an organization.
 */
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'yandex.ru',
  'fastmail.com',
  'hey.com',
  'qq.com',
  '163.com',
]);

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL.has(domain);
}
