import { useState } from 'preact/hooks';

/**
 * The state an in-place correction keeps: its fields, started from the record once
 * (the form is mounted afresh for each Edit), and why Save was last refused.
 * `field(key)` is the `onChange` of the control that edits that key.
 */
export function useCorrection<T extends object>(start: () => T) {
  const [draft, setDraft] = useState(start);
  const [problem, setProblem] = useState<string | null>(null);
  const field =
    <K extends keyof T>(key: K) =>
    (value: T[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));
  return { draft, field, problem, refuse: setProblem };
}
