import type { PublisherInput } from "../lib/structured-data";
import { site } from "../site.config";
import { urls } from "./site-urls";

/*
 * The masthead of src/site.config.ts with its addresses: what the header,
 * the footer, the policy pages and the structured data show of it.
 */

/** A page of the masthead: a policy the newsroom writes. */
export interface PolicyPage {
  /** Its name in its address, `/about/<key>/`. */
  key: keyof typeof site.policies;
  title: string;
  description: string;
  paragraphs: readonly string[];
  href: string;
}

/** The masthead's policy pages, in the order the footer links them. */
export const policyPages: readonly PolicyPage[] = (
  Object.keys(site.policies) as (keyof typeof site.policies)[]
).map((key) => ({ key, ...site.policies[key], href: urls.about(key) }));

/** The site's publisher, for every page's structured data. */
export const publisher: PublisherInput = {
  name: site.publisher,
  url: urls.absolute(),
  logoUrl: urls.absolute(site.logo),
  correctionsPolicy: urls.aboutAbsolute("corrections"),
  publishingPrinciples: urls.aboutAbsolute("principles"),
};

/** The header's links to the ways of browsing, in its order. */
export const siteSections: readonly { label: string; href: string }[] = [
  { label: "Topics", href: urls.topics() },
  { label: "People", href: urls.people() },
  { label: "Archive", href: urls.archive() },
  { label: "Search", href: urls.search() },
];
