/**
 * The HTML attributes that hold one URL, for plugins that rewrite an
 * article's links: every one of them must agree, or a `poster` or `cite`
 * would keep a path that the others fix.
 */
export const URL_ATTRIBUTES = ["href", "src", "poster", "cite"] as const;

/**
 * Rewrites each URL of a `srcset` (a comma-separated list of candidates: a
 * URL and its descriptors), keeping the descriptors.
 */
export function mapSrcset(
  srcset: string | readonly unknown[],
  map: (url: string) => string,
): string {
  const candidates = Array.isArray(srcset) ? srcset.map(String) : String(srcset).split(",");
  return candidates
    .map((candidate) => {
      const [url = "", ...descriptors] = candidate.trim().split(/\s+/);
      return [map(url), ...descriptors].join(" ");
    })
    .join(", ");
}
