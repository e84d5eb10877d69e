/** Backup, restore, import and export. */
export const transferMessages = {} as const;
