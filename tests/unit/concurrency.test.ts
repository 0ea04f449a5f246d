import { describe, expect, test } from "vitest";
import { mapLimited } from "../../src/lib/concurrency";

/** A promise and the function that settles it, for tasks that finish when the test says. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe("mapLimited", () => {
  test("gives the results in the items' order, whatever order they finish in", async () => {
    const delays = [30, 5, 20, 0, 10];
    const results = await mapLimited(delays, 2, async (delay, index) => {
      await new Promise((done) => setTimeout(done, delay));
      return `${index}:${delay}`;
    });
    expect(results).toEqual(["0:30", "1:5", "2:20", "3:0", "4:10"]);
  });

  test("never runs more than `limit` tasks at once, and starts the next as soon as one ends", async () => {
    const gates = [0, 1, 2, 3].map(() => deferred<void>());
    const started: number[] = [];
    const running = mapLimited(gates, 2, async (gate, index) => {
      started.push(index);
      await gate.promise;
      return index;
    });
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve();
    await new Promise((done) => setTimeout(done, 0));
    // The second slot moved on; the first still waits on item 0.
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    expect(await running).toEqual([0, 1, 2, 3]);
  });

  test("rejects with a task's error", async () => {
    await expect(
      mapLimited([1, 2, 3], 2, async (item) => {
        if (item === 2) throw new Error("two");
        return item;
      }),
    ).rejects.toThrow("two");
  });

  test("takes no items, and refuses a limit below 1", async () => {
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
    await expect(mapLimited([1], 0, async () => 1)).rejects.toThrow(RangeError);
  });
});
