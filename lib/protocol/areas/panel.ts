/** Editing records in place and what the side panel and menus ask. */
export const panelMessages = {} as const;
