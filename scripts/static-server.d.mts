export declare function serveFolder(
  folder: string,
  port?: number,
): Promise<{ base: string; close: () => Promise<void> }>;
export declare function serveFolderTls(
  folder: string,
  hosts: string[],
): Promise<{ port: number; close: () => Promise<void> }>;
