export declare function serveFolder(
  folder: string,
  port?: number,
): Promise<{ base: string; close: () => Promise<void> }>;
