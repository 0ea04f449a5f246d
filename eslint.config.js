import js from "@eslint/js";
import astro from "eslint-plugin-astro";
import globals from "globals";
import tseslint from "typescript-eslint";
import { defineConfig } from "eslint/config";

export default defineConfig(
  {
    ignores: [
      "dist/",
      ".dist-next-*/",
      ".dist-retired-*/",
      ".astro/",
      "node_modules/",
      "tests/output/",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  {
    // The pure helpers, the publisher and the commands also run in Node's
    // own TypeScript (npm run build), which resolves no relative import
    // without its extension: Vite's would, so the site's build alone passes.
    files: ["src/lib/**/*.ts", "src/publisher/**/*.ts", "src/cli/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...["ImportDeclaration", "ExportNamedDeclaration", "ExportAllDeclaration"].map((node) => ({
          selector: `${node}[source.value=/^[.][.]?[/](?!.*[.](ts|mjs|js|json)$)/]`,
          message: "Node runs this file as it is: give the import its extension (./dates.ts).",
        })),
      ],
    },
  },
);
