/**
 * Joins the site's base path (Astro's `import.meta.env.BASE_URL`, "/" or
 * "/reader/" and so on) with a path relative to it, so no link assumes the
 * site sits at the root of its host.
 */
export function withBase(base: string, path = ""): string {
  const head = base.endsWith("/") ? base : `${base}/`;
  return head + path.replace(/^\/+/, "");
}
