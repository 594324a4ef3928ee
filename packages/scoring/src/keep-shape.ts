// V8 trick, kept because the bench shows it is worth about a tenth of a whole-organisation
// re-score (`npm run bench` prints the figure): optimized code refers only weakly to the hidden
// classes of the objects it handles, so once no per-system helper is alive (between two re-scores)
// a full garbage collection frees their classes and discards the optimized scoring code with them.
// One idle instance of each helper class, held here, keeps its class alive.
const kept: object[] = [];

/** Keeps `instance`, an idle instance of a per-system helper class, alive with its hidden class. */
export function keepShape(instance: object): void {
  kept.push(instance);
}

/** Lets the kept instances go: only for the bench's figure of what keeping them is worth. */
export function releaseShapes(): void {
  kept.length = 0;
}
