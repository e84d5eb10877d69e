export type DavServerKind = 'radicale' | 'xandikos';

export declare const DAV_SERVER_KINDS: readonly DavServerKind[];

export interface DavServer {
  kind: DavServerKind;
  /** `http://127.0.0.1:PORT`, the loopback proxy in front of the server. */
  base: string;
  user: string;
  password: string;
  pid: number;
  /** The end of what the server wrote to stderr, for a failing test's message. */
  log(): string;
  /**
   * The next `count` authenticated requests (of `method` only, when given: 'PUT' for
   * a storm of 412s on writes) get `status` instead of reaching the server.
   */
  failNext(status: number, count?: number, method?: string): void;
  /** The next `count` authenticated requests are held unanswered until the client gives up. */
  hangNext(count?: number): void;
  /** Faults queued and not yet served. */
  faultsLeft(): number;
  /** Held requests the client gave up on (closed its side) before the proxy stopped. */
  abandoned(): number;
  /** Requests that reached the proxy so far, refused ones included. */
  requests(): number;
  /** Changes the user's password at the server (as a user would in its settings). */
  setPassword(next: string): Promise<void>;
  stop(): Promise<void>;
}

export declare function startDavServer(
  kind: DavServerKind,
  /** `noFsync`: the server's fsync calls do nothing (benchmarks on a loaded disk). */
  options?: { user?: string; password?: string; noFsync?: boolean },
): Promise<DavServer>;
