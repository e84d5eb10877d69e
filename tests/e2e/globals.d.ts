// Extension pages expose `chrome`; tests call it inside page.evaluate.
declare const chrome: {
  tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> };
};
