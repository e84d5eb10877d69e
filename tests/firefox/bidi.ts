import WebSocket from 'ws';

/**
 * A minimal WebDriver BiDi client: Firefox speaks the protocol natively, so the
 * smoke test needs no driver binary. Commands are matched to replies by id;
 * events go to whoever subscribed to their method.
 */
export interface Bidi {
  send<T = Record<string, unknown>>(method: string, params?: object): Promise<T>;
  on(method: string, listener: (params: Record<string, unknown>) => void): void;
  close(): void;
}

interface Pending {
  resolve: (value: never) => void;
  reject: (error: Error) => void;
}

export async function connectBidi(url: string, commandTimeout = 15_000): Promise<Bidi> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 0;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, ((params: Record<string, unknown>) => void)[]>();

  socket.on('message', (data: WebSocket.RawData) => {
    const message = JSON.parse((data as Buffer).toString('utf8')) as {
      id?: number;
      type: string;
      method?: string;
      params?: Record<string, unknown>;
      result?: unknown;
      error?: string;
      message?: string;
    };
    if (message.type === 'event' && message.method) {
      for (const listener of listeners.get(message.method) ?? []) listener(message.params ?? {});
      return;
    }
    const waiting = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id!);
    if (message.type === 'error') waiting.reject(new Error(`${message.error}: ${message.message}`));
    else waiting.resolve(message.result as never);
  });
  // A browser that dies mid-test must fail the waiting command, not hang it.
  socket.on('close', () => {
    for (const waiting of pending.values()) waiting.reject(new Error('BiDi connection closed'));
    pending.clear();
  });

  return {
    send<T>(method: string, params: object = {}) {
      const id = ++nextId;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${method} got no reply in ${commandTimeout} ms`));
        }, commandTimeout);
        pending.set(id, {
          resolve: (value) => (clearTimeout(timer), resolve(value)),
          reject: (error) => (clearTimeout(timer), reject(error)),
        });
        socket.send(JSON.stringify({ id, method, params }));
      });
    },
    on(method, listener) {
      listeners.set(method, [...(listeners.get(method) ?? []), listener]);
    },
    close() {
      socket.close();
    },
  };
}
