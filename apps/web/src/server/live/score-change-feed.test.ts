import { encodeScoreChangeNotice } from "@maturity/db";
import { describe, expect, it } from "vitest";
import { startScoreChangeFeed } from "./score-change-feed.ts";

/** A stand-in for the database's notice channel: the test says what Postgres would deliver. */
function channel() {
  let deliver: (payload: string) => void = () => undefined;
  let stopped = false;
  return {
    source: {
      async listen(_channel: string, onNotice: (payload: string) => void) {
        deliver = onNotice;
        return async () => void (stopped = true);
      },
    },
    notify: (systemIds: string[] | null) => deliver(encodeScoreChangeNotice(systemIds)),
    stopped: () => stopped,
  };
}

describe("the live feed of score changes", () => {
  it("merges notices that arrive close together into one per subscriber", async () => {
    const { source, notify } = channel();
    const feed = await startScoreChangeFeed(source, 50);
    const abort = new AbortController();
    const [first, second] = [feed.changes(abort.signal), feed.changes(abort.signal)];
    const nextOfFirst = first.next();
    const nextOfSecond = second.next();
    notify(["b"]);
    notify(["a", "b"]);
    expect((await nextOfFirst).value).toEqual({ systemIds: ["a", "b"] });
    expect((await nextOfSecond).value).toEqual({ systemIds: ["a", "b"] });
    const afterAll = first.next();
    notify(["c"]);
    notify(null);
    expect((await afterAll).value).toEqual({ systemIds: null });
    abort.abort();
    expect(await first.next()).toMatchObject({ done: true });
    await feed.close();
  });

  it("ends open streams and stops listening when closed", async () => {
    const { source, stopped } = channel();
    const feed = await startScoreChangeFeed(source, 10);
    const stream = feed.changes(undefined);
    const pending = stream.next();
    await feed.close();
    expect(await pending).toMatchObject({ done: true });
    expect(stopped()).toBe(true);
  });
});
