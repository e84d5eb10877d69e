export declare function resolveImport(
  fromFile: string,
  specifier: string,
  exists: (path: string) => boolean,
): string | undefined;
export declare function readWorkerListeners(
  entryFile: string,
  readSource: (path: string) => string | undefined,
): { synchronous: string[]; external: string[]; problems: string[] };
