import type { RelationshipKind } from '../domain/relationship';
import type { MessageKey } from '../platform/i18n';

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
  /** The catalogue key of its title: the worker words it when it makes the menu. */
  title: MessageKey;
  contexts: [Context, ...Context[]];
  /** Link items show only on these links; selections and pages are read when clicked. */
  targetUrlPatterns?: string[];
}

// `%s` is the selected text: the item names who it will act on.
const CONTACT_LINKS = ['mailto:*', 'tel:*'];

/** The right-click menu. Contact items show on mailto/tel links and on selected text. */
export const MENU_ITEMS: readonly MenuItem[] = [
  { id: 'add-client', title: 'menu_add_client', contexts: ['link', 'selection'] },
  { id: 'add-customer', title: 'menu_add_customer', contexts: ['link', 'selection'] },
  { id: 'add-prospect', title: 'menu_add_prospect', contexts: ['link', 'selection'] },
  { id: 'log', title: 'menu_log', contexts: ['link', 'selection'] },
  { id: 'open-panel', title: 'menu_open_panel', contexts: ['page', 'link', 'selection'] },
  { id: 'find-contacts', title: 'menu_find_contacts', contexts: ['page'] },
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
