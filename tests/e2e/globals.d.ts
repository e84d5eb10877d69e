// Extension pages expose `chrome`; tests call it inside page.evaluate.
declare const chrome: {
  tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> };
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    getManifest(): { name: string; description?: string };
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  storage: {
    local: {
      set(items: object): Promise<void>;
      get(key: string): Promise<Record<string, unknown>>;
    };
    session: {
      set(items: object): Promise<void>;
      get(key: string): Promise<Record<string, unknown>>;
      remove(key: string): Promise<void>;
    };
    onChanged: {
      addListener(
        listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void,
      ): void;
    };
  };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> };
  i18n: { getMessage(key: string, substitutions?: string[]): string };
};
