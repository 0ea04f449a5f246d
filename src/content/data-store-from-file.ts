import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

/** Astro's virtual module that holds every collection entry, rendered HTML included. */
const DATA_STORE_MODULE_ID = "\0astro:data-layer-content";
/** How Astro writes that module: the whole store as one string literal. */
const INLINED_STORE_PREFIX = "export default JSON.parse(";

/**
 * Makes a static build read the content-layer data store from its JSON file
 * instead of from a JavaScript string literal.
 *
 * Astro bundles the store as `export default JSON.parse("…")`: for 10,000
 * articles that is one 70 MB string literal, and V8 took 11.6 s to compile it
 * (reading and parsing the same JSON from disk: 0.4 s). The store file is
 * written before any page is rendered, by the same build, so reading it from
 * disk gives the same value. Only static builds do this: a server bundle must
 * not depend on the build machine's files.
 */
export default function dataStoreFromFile(): AstroIntegration {
  return {
    name: "broadsheet:data-store-from-file",
    hooks: {
      "astro:config:setup": ({ command, config, updateConfig }) => {
        if (command !== "build" || config.output !== "static") return;
        const storeFile = fileURLToPath(new URL("data-store.json", config.cacheDir));
        updateConfig({ vite: { plugins: [dataStoreFilePlugin(storeFile)] } });
      },
    },
  };
}

/** The Vite plugin behind `dataStoreFromFile`, for the store at `storeFile`. */
export function dataStoreFilePlugin(storeFile: string) {
  return {
    name: "broadsheet:data-store-from-file",
    enforce: "pre" as const,
    // Astro's own plugin loads the module, so the code is swapped in the
    // transform that follows, before anything parses it.
    transform(code: string, id: string) {
      if (id !== DATA_STORE_MODULE_ID || !code.startsWith(INLINED_STORE_PREFIX)) return undefined;
      if (!existsSync(storeFile)) return undefined;
      return {
        code: [
          'import { readFileSync } from "node:fs";',
          `export default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, "utf8"));`,
        ].join("\n"),
        map: { mappings: "" },
      };
    },
  };
}
