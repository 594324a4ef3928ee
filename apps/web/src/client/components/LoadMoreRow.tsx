import { useEffect } from "react";
import type { VirtualRowProps } from "./VirtualTable.tsx";

interface Props {
  rowProps: VirtualRowProps;
  columns: number;
  label: string;
  loading?: boolean;
  load: () => void;
}

/**
 * Where a virtual table's loaded rows end and more can be read: rendered only once scrolled near,
 * so it loads the next page then by itself; the button does the same for a keyboard or a click.
 */
export function LoadMoreRow({ rowProps, columns, label, loading = false, load }: Props) {
  // On mount only: the row's appearance is the signal, and a loaded page moves it out of view.
  useEffect(() => {
    load();
  }, []);
  return (
    <tr {...rowProps} className="load-more">
      <td colSpan={columns}>
        <button type="button" className="link" onClick={load} disabled={loading}>
          {loading ? "Loading…" : label}
        </button>
      </td>
    </tr>
  );
}
