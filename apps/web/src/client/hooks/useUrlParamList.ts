import { useCallback } from "react";
import { useSearchParams } from "wouter";

/**
 * A repeated search parameter (`?open=a&open=b`) as a list, kept in the URL like useUrlParam's
 * single values; setting an empty list removes it. Changes replace the history entry.
 */
export function useUrlParamList(name: string): [string[], (values: readonly string[]) => void] {
  const [params, setParams] = useSearchParams();
  const values = params.getAll(name);
  const setValues = useCallback(
    (next: readonly string[]) => {
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          updated.delete(name);
          for (const value of next) updated.append(name, value);
          return updated;
        },
        { replace: true },
      );
    },
    [name, setParams],
  );
  return [values, setValues];
}
