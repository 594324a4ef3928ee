import type { FieldCondition, Where } from "@maturity/model/rubric";
import type { ViewColumns } from "../views/view.ts";

const noColumn: readonly unknown[] = [];

// Condition kinds, as small integers so the row loop switches on a number.
const equals = 0;
const oneOf = 1;
const atMostBound = 2;
const atLeastBound = 3;
type Test = typeof equals | typeof oneOf | typeof atMostBound | typeof atLeastBound;

/**
 * A `where` compiled once per rubric object: bound to a view's columns, it tests rows (every field
 * named satisfies its condition; no `where` always holds; a field the view lacks never does).
 * Binding reuses the matcher's own column slots, so scoring a system allocates no closures.
 */
export class RowMatcher {
  private readonly fields: string[] = [];
  private readonly tests: Test[] = [];
  private readonly operands: unknown[] = [];
  private readonly columns: (readonly unknown[])[] = [];

  constructor(where: Where | undefined) {
    for (const [field, condition] of Object.entries(where ?? {})) this.add(field, condition);
  }

  private add(field: string, condition: FieldCondition): void {
    this.fields.push(field);
    this.columns.push(noColumn);
    if (Array.isArray(condition)) {
      this.tests.push(oneOf);
      this.operands.push(condition);
    } else if (typeof condition === "object") {
      const atMost = "atMost" in condition;
      this.tests.push(atMost ? atMostBound : atLeastBound);
      this.operands.push(atMost ? condition.atMost : condition.atLeast);
    } else {
      this.tests.push(equals);
      this.operands.push(condition);
    }
  }

  /** Looks the named columns up once per view, not per row. */
  bind(cols: ViewColumns): this {
    for (let j = 0; j < this.fields.length; j++) this.columns[j] = cols[this.fields[j] as string] ?? noColumn;
    return this;
  }

  /** Whether the row of the bound columns satisfies every condition. */
  test(row: number): boolean {
    for (let j = 0; j < this.tests.length; j++) {
      const value = (this.columns[j] as readonly unknown[])[row];
      const operand = this.operands[j];
      switch (this.tests[j]) {
        case equals:
          if (value !== operand) return false;
          break;
        case oneOf:
          if (typeof value !== "string" || !(operand as string[]).includes(value)) return false;
          break;
        case atMostBound:
          if (typeof value !== "number" || !(value <= (operand as number))) return false;
          break;
        case atLeastBound:
          if (typeof value !== "number" || !(value >= (operand as number))) return false;
          break;
      }
    }
    return true;
  }
}

const always = new RowMatcher(undefined);
// The rubric is immutable data: each `where` is compiled once, not once per system scored.
const matchers = new WeakMap<Where, RowMatcher>();

/** The compiled matcher of `where`, bound to `cols`. */
export function rowMatcher(where: Where | undefined, cols: ViewColumns): RowMatcher {
  if (where === undefined) return always;
  let matcher = matchers.get(where);
  if (matcher === undefined) {
    matcher = new RowMatcher(where);
    matchers.set(where, matcher);
  }
  return matcher.bind(cols);
}
