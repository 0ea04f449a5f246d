/*
 * A worker thread with a Pagefind service of its own (search-writers.ts).
 * Pagefind's module keeps one service process, which answers one request
 * at a time; a module of its own in each thread keeps one for each, so
 * that every core indexes a year. Node runs this file itself, outside
 * Vite's bundle: hence the `.ts` imports.
 */
import { parentPort } from "node:worker_threads";
import * as pagefind from "pagefind";
import { writeBundle } from "./search-bundle.ts";
import type { BundleReply, BundleRequest } from "./search-writers.ts";

const port = parentPort!;
port.on("message", async (request: BundleRequest | "close") => {
  if (request === "close") {
    await pagefind.close();
    port.close();
    return;
  }
  let reply: BundleReply;
  try {
    reply = {
      pages: await writeBundle(pagefind, request.pages, request.outputPath),
    };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
