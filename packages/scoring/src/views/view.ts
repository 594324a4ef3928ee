// A view: the rows of a population a rule looks at, read column by column. Views over fact lists
// share the facts' own columns (a row range or an index list, no copies); joined views build
// small columns of their own.

export interface ViewColumns {
  id: readonly string[];
  t: readonly number[];
  /** How many events a row stands for (telemetry buckets); 1 when absent. */
  weight?: readonly number[];
  [field: string]: readonly unknown[] | undefined;
}

export interface View {
  cols: ViewColumns;
  /** Rows in time order as indices into the columns; null for the range [start, end). */
  index: readonly number[] | null;
  start: number;
  end: number;
}

export const emptyView: View = { cols: { id: [], t: [] }, index: null, start: 0, end: 0 };

export function rangeView(cols: ViewColumns, [start, end]: [number, number]): View {
  return { cols, index: null, start, end };
}

export function indexView(cols: ViewColumns, index: readonly number[]): View {
  return { cols, index, start: 0, end: 0 };
}

/** A view over columns built for it: every row, in order. */
export function ownView(cols: ViewColumns): View {
  return { cols, index: null, start: 0, end: cols.t.length };
}

export function viewSize(view: View): number {
  return view.index === null ? view.end - view.start : view.index.length;
}

/** The column row of the k-th row of the view (k in [0, size)). */
export function rowAt(view: View, k: number): number {
  return view.index === null ? view.start + k : (view.index[k] as number);
}
