import type { DataStore } from "astro/loaders";
import type { StoredEntry } from "./stored-entry";

/** The store, with every entry set after the first load checked before it is stored. */
export function checkingStore(store: DataStore, check: (entry: StoredEntry) => void): DataStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === "set") {
        return (entry: StoredEntry) => {
          check(entry);
          return target.set(entry);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
