import { z } from "astro/zod";

/** An IANA time zone name that this runtime knows, such as `Europe/Istanbul`. */
export const timeZone = z.string().refine(isKnownTimeZone, {
  message: "must be an IANA time zone name, for example Europe/Istanbul or America/New_York",
  abort: true,
});

// Checked once per zone name: building an Intl.DateTimeFormat per article was
// a measurable share of validating a large archive.
const knownTimeZones = new Map<string, boolean>();

function isKnownTimeZone(name: string): boolean {
  let known = knownTimeZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    knownTimeZones.set(name, known);
  }
  return known;
}
