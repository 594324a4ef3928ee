import type { FieldCondition, Where } from "@maturity/model/rubric";
import type { ViewColumns } from "../views/view.ts";

/** A test on one row of a view's columns. */
export type RowTest = (row: number) => boolean;

const always: RowTest = () => true;
const noColumn: readonly unknown[] = [];

// One closure per condition kind and column, so the hot loop makes one call per field, not two.
function columnTest(column: readonly unknown[], condition: FieldCondition): RowTest {
  if (Array.isArray(condition))
    return (row) => {
      const value = column[row];
      return typeof value === "string" && condition.includes(value);
    };
  if (typeof condition === "object") {
    if ("atMost" in condition) {
      const bound = condition.atMost;
      return (row) => {
        const value = column[row];
        return typeof value === "number" && value <= bound;
      };
    }
    const bound = condition.atLeast;
    return (row) => {
      const value = column[row];
      return typeof value === "number" && value >= bound;
    };
  }
  return (row) => column[row] === condition;
}

// The rubric is immutable data: list each `where` once, not once per system scored.
const conditionLists = new WeakMap<Where, [string, FieldCondition][]>();
function conditionsOf(where: Where): [string, FieldCondition][] {
  let list = conditionLists.get(where);
  if (list === undefined) {
    list = Object.entries(where);
    conditionLists.set(where, list);
  }
  return list;
}

/**
 * A row test over `cols`: every field named in `where` satisfies its condition (no `where` always
 * holds; a field the view lacks never does). Columns are looked up once per view, not per row.
 */
export function rowTest(where: Where | undefined, cols: ViewColumns): RowTest {
  if (where === undefined) return always;
  const tests = conditionsOf(where).map(([field, condition]) =>
    columnTest(cols[field] ?? noColumn, condition),
  );
  if (tests.length === 1) return tests[0] as RowTest;
  if (tests.length === 2) {
    const [first, second] = tests as [RowTest, RowTest];
    return (row) => first(row) && second(row);
  }
  return (row) => tests.every((test) => test(row));
}
