import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { isPictureFile, isRemotePicture } from "../lib/pictures";

/** The query Astro's image plugin recognises a content entry's picture by. */
const CONTENT_IMAGE_FLAG = "astroContentImageFlag";
/** This build's own copy of that module, in its cache folder. */
const PICTURE_IMPORTS_FILE = "picture-imports.mjs";

/** A content-layer entry as far as its pictures go. */
interface EntryPictures {
  filePath?: string | undefined;
  assetImports?: readonly string[] | undefined;
}

/**
 * Writes the module of the pictures `entries` use, as Astro writes
 * `.astro/content-assets.mjs`, into the build's cache folder, where
 * `pictureImportsPerBuild` has the build read it.
 *
 * Astro writes its module into the project's `.astro/` folder, which every
 * build of the project shares. The publisher runs builds side by side, each
 * with the pictures of its own articles: one would bundle another's list,
 * and its pages would ship Astro's unresolved placeholders. Each build's
 * content layer already has a cache folder of its own.
 */
export async function writePictureImports(
  entries: Iterable<EntryPictures>,
  cacheDir: URL,
): Promise<void> {
  const ids = new Set<string>();
  for (const { filePath, assetImports } of entries) {
    for (const src of assetImports ?? []) {
      if (isRemotePicture(src) || !isPictureFile(src)) continue;
      // The id Astro's runtime looks each picture up by (its imageSrcToImportId).
      const params = new URLSearchParams(CONTENT_IMAGE_FLAG);
      if (filePath) params.set("importer", filePath);
      ids.add(`${src}?${params.toString()}`);
    }
  }
  const sorted = [...ids].sort();
  const code = [
    ...sorted.map((id, index) => `import picture${index} from ${JSON.stringify(id)};`),
    `export default new Map([${sorted.map((id, index) => `[${JSON.stringify(id)}, picture${index}]`).join(", ")}]);`,
  ].join("\n");
  await writeFile(new URL(PICTURE_IMPORTS_FILE, cacheDir), `${code}\n`);
}

/**
 * Makes a static build import its entries' pictures from the module the
 * articles loader wrote in the build's cache folder (`writePictureImports`):
 * Astro resolves its virtual module to `.astro/content-assets.mjs` before
 * any plugin of ours can, so the file's contents are swapped as it loads.
 * The pictures' ids name their article file, so where the module lives
 * does not matter. `astro dev` keeps Astro's own module: one server, one list.
 */
export default function pictureImportsPerBuild(): AstroIntegration {
  return {
    name: "broadsheet:picture-imports-per-build",
    hooks: {
      "astro:config:setup": ({ command, updateConfig, config }) => {
        if (command !== "build") return;
        const shared = fileURLToPath(new URL(".astro/content-assets.mjs", config.root));
        const own = fileURLToPath(new URL(PICTURE_IMPORTS_FILE, config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: "broadsheet:picture-imports-per-build",
                enforce: "pre" as const,
                load(id: string) {
                  return id === shared ? readFileSync(own, "utf8") : undefined;
                },
              },
            ],
          },
        });
      },
    },
  };
}
