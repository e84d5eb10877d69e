/** The webmail host each webmail fixture page stands for, by its path in tests/fixtures/site. */
export declare const WEBMAIL_FIXTURES: Readonly<Record<string, string>>;
/** Where a fixture page is read from: its webmail host, or `base` (the local server). */
export declare function fixtureUrl(name: string, base: string): string;
