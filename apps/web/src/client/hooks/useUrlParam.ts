import { useCallback } from "react";
import { useSearchParams } from "wouter";

/**
 * One search parameter as state: the URL is the only store, so every view is a shareable link.
 * Setting undefined (or "") removes the parameter; filter changes replace the history entry.
 */
export function useUrlParam(name: string): [string | undefined, (value: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(name) ?? undefined;
  const setValue = useCallback(
    (next: string | undefined) => {
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (next === undefined || next === "") updated.delete(name);
          else updated.set(name, next);
          return updated;
        },
        { replace: true },
      );
    },
    [name, setParams],
  );
  return [value, setValue];
}
