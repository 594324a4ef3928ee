// V8's optimized code refers weakly to the hidden classes ("maps") of the objects it works on.
// The helpers that live only while one system is scored (evidence collector, views, joins, release
// gates) have no instance left between two systems, so a full garbage collection there frees their
// classes and throws away every optimized function that used them: some seventy functions, which
// then run unoptimized until V8 has re-optimized them, making the next whole-organisation re-score
// about a third slower. One idle instance of each such class, held here for as long as the module
// lives, keeps its class, and the code optimized for it, alive.
const kept: object[] = [];

/**
 * Keeps `instance` (an idle instance of a per-scoring helper class) alive. Its fields must hold
 * values of the kinds real instances hold (a time as a non-integer number, say), so that both
 * share one hidden class.
 */
export function keepShape(instance: object): void {
  kept.push(instance);
}

/** Lets the kept instances go: only for the test that shows what keeping them prevents. */
export function releaseShapes(): void {
  kept.length = 0;
}
