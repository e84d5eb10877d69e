/** Engagements, purchases, lifecycle suggestions, duplicates and the dashboard's figures. */
export const relationshipMessages = {} as const;
