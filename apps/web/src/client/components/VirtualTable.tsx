import { useVirtualizer } from "@tanstack/react-virtual";
import { Fragment, useRef, type ReactElement, type ReactNode } from "react";

/** What a rendered row's `<tr>` must carry, so the table can measure it and say where it is. */
export interface VirtualRowProps {
  ref?: (node: Element | null) => void;
  "data-index"?: number;
  "aria-rowindex"?: number;
}

interface Props<Row> {
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  /** The row's `<tr>`, with `rowProps` spread on it. */
  renderRow: (row: Row, rowProps: VirtualRowProps) => ReactElement;
  /** The header row(s), inside `<thead>`. */
  head: ReactNode;
  /** How many columns a row has (the spacer rows span them). */
  columns: number;
  /** A first guess of a row's height in pixels; rendered rows are measured. */
  estimateRowHeight: number | ((row: Row) => number);
  caption?: ReactNode;
  className?: string;
  testId?: string;
  /** Up to this many rows every row is rendered, as a plain table that scrolls with the page. */
  virtualiseAbove?: number;
}

// Rows rendered beyond the visible ones: keyboard focus and quick scrolls rarely reach a blank.
const overscan = 12;

/**
 * A table that stays fast at tens of thousands of rows: past `virtualiseAbove` it scrolls in a
 * box of its own (header kept in view) and renders only the rows in and near view, with spacer
 * rows standing in for the rest, so the browser lays out dozens of rows rather than all of them.
 */
export function VirtualTable<Row>({
  rows,
  rowKey,
  renderRow,
  head,
  columns,
  estimateRowHeight,
  caption,
  className,
  testId,
  virtualiseAbove = 150,
}: Props<Row>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = rows.length > virtualiseAbove;
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) =>
      typeof estimateRowHeight === "number" ? estimateRowHeight : estimateRowHeight(rows[index]!),
    getItemKey: (index) => rowKey(rows[index]!, index),
    overscan,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const spacer = (height: number) =>
    height > 0 ? (
      <tr aria-hidden="true" className="virtual-spacer">
        <td colSpan={columns} style={{ height }} />
      </tr>
    ) : null;
  return (
    <div
      ref={scrollRef}
      className={virtual ? "table-scroll virtual-scroll" : "table-scroll"}
      data-testid={testId}
    >
      <table className={className} aria-rowcount={virtual ? rows.length + 1 : undefined}>
        {caption === undefined ? null : <caption>{caption}</caption>}
        <thead>{head}</thead>
        <tbody>
          {virtual ? (
            <>
              {spacer(before)}
              {items.map((item) => (
                <Fragment key={item.key}>
                  {renderRow(rows[item.index]!, {
                    ref: virtualizer.measureElement,
                    "data-index": item.index,
                    "aria-rowindex": item.index + 2,
                  })}
                </Fragment>
              ))}
              {spacer(after)}
            </>
          ) : (
            rows.map((row, index) => <Fragment key={rowKey(row, index)}>{renderRow(row, {})}</Fragment>)
          )}
        </tbody>
      </table>
    </div>
  );
}
