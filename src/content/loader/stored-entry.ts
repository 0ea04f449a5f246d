import type { DataStore } from "astro/loaders";

/** An entry as the content layer stores it. */
export type StoredEntry = ReturnType<DataStore["values"]>[number];
