/** Where the articles are: `CONTENT_DIR` points a build (a test, a benchmark) at another folder. */
export function contentFolder(env: Readonly<Record<string, string | undefined>>): string {
  return env["CONTENT_DIR"] ?? "./content/articles";
}
