/**
 * How big a built site is, and which static hosts it has outgrown. The
 * limits are the hosts' own published ones, which docs/deploying.md names
 * beside the hosts that take an archive of any size.
 */

/** A built site's size: its files and their bytes. */
export interface SiteSize {
  files: number;
  bytes: number;
}

/** A host's published limit on what one site may hold. */
export interface HostLimit {
  host: string;
  /** What it limits, as a message says it: "sites of at most 1 GB". */
  says: string;
  exceeded: (size: SiteSize) => boolean;
}

const GB = 10 ** 9;

/** The limits, a host's strictest last: a site is warned of the first it passes for each host. */
export const HOST_LIMITS: readonly HostLimit[] = [
  {
    host: "GitHub Pages",
    says: "publishes sites of at most 1 GB",
    exceeded: ({ bytes }) => bytes > GB,
  },
  {
    host: "Cloudflare Pages",
    says: "takes at most 100,000 files a site on any plan",
    exceeded: ({ files }) => files > 100_000,
  },
  {
    host: "Cloudflare Pages",
    says: "takes at most 20,000 files a site on its free plan (100,000 on paid plans)",
    exceeded: ({ files }) => files > 20_000,
  },
];

/** The size as a person reads it: "3,412 files, 48.2 MB". */
export function describeSize({ files, bytes }: SiteSize): string {
  const megabytes = bytes / 10 ** 6;
  const amount =
    bytes >= GB
      ? `${(bytes / GB).toFixed(2)} GB`
      : `${megabytes.toFixed(megabytes < 10 ? 2 : 1)} MB`;
  return `${files.toLocaleString("en-US")} files, ${amount}`;
}

/** A warning for each host whose limits the site passes, naming the first it passes. */
export function hostWarnings(size: SiteSize): string[] {
  const warned = new Set<string>();
  const warnings: string[] = [];
  for (const { host, says, exceeded } of HOST_LIMITS) {
    if (warned.has(host) || !exceeded(size)) continue;
    warned.add(host);
    warnings.push(
      `The site is too big for ${host}, which ${says}: ${describeSize(size)} (see docs/deploying.md).`,
    );
  }
  return warnings;
}
