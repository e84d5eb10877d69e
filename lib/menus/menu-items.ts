import type { RelationshipKind } from '../domain/relationship';

export const MENU_IDS = [
  'add-client',
  'add-customer',
  'add-prospect',
  'log',
  'open-panel',
  'find-contacts',
] as const;
export type MenuId = (typeof MENU_IDS)[number];

type Context = 'page' | 'link' | 'selection';

export interface MenuItem {
  id: MenuId;
  title: string;
  contexts: [Context, ...Context[]];
  /** Link items show only on these links; selections and pages are read when clicked. */
  targetUrlPatterns?: string[];
}

// `%s` is the selected text: the item names who it will act on.
const CONTACT_LINKS = ['mailto:*', 'tel:*'];

/** The right-click menu. Contact items show on mailto/tel links and on selected text. */
export const MENU_ITEMS: readonly MenuItem[] = [
  { id: 'add-client', title: 'Add as client', contexts: ['link', 'selection'] },
  { id: 'add-customer', title: 'Add as customer', contexts: ['link', 'selection'] },
  { id: 'add-prospect', title: 'Add as prospect', contexts: ['link', 'selection'] },
  { id: 'log', title: 'Log an interaction with…', contexts: ['link', 'selection'] },
  { id: 'open-panel', title: 'Open in side panel', contexts: ['page', 'link', 'selection'] },
  { id: 'find-contacts', title: 'Find contacts on this page', contexts: ['page'] },
].map((item) =>
  item.contexts.includes('link') ? { ...item, targetUrlPatterns: CONTACT_LINKS } : item,
) as MenuItem[];

export function isMenuId(value: unknown): value is MenuId {
  return typeof value === 'string' && (MENU_IDS as readonly string[]).includes(value);
}

/** The kind an "Add as …" item adds, or undefined for the other items. */
export function kindOf(id: MenuId): Exclude<RelationshipKind, 'former'> | undefined {
  if (id === 'add-client') return 'client';
  if (id === 'add-customer') return 'customer';
  if (id === 'add-prospect') return 'prospect';
  return undefined;
}
