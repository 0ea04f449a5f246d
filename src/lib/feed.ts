import { correctionEntries, type Correction, type CorrectionEntry } from "./corrections.ts";
import { formatReaderDate } from "./dates.ts";
import { formatNameList } from "./name-list.ts";
import { compareNewestFirst, type OrderFields } from "./order.ts";
import { paragraphId } from "./page-ids.ts";
import { splitUpdateNote } from "./update-note.ts";

/** How many articles the feed carries: the newest. */
export const FEED_ITEM_LIMIT = 50;

/** Text made safe to place inside an XML element. */
export function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** The byline as Dublin Core creators: one a named author, or the organisation when none is named. */
export function feedCreators(byline: { authors: readonly string[]; organisation: string }): string {
  const names = byline.authors.length > 0 ? byline.authors : [byline.organisation];
  return names.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join("");
}

/** What a feed item holds of an article besides its rendered Markdown. */
/** An article's lead picture as a feed carries it: one JPEG crop, by its absolute URL. */
export interface FeedPicture {
  url: string;
  width: number;
  height: number;
  /** Empty for a decorative picture. */
  alt: string;
  caption?: string | undefined;
  credit?: string | undefined;
}

export interface FeedItemParts {
  /** The lead picture, shown first, as on the page. */
  lead?: FeedPicture | undefined;
  bullets: readonly string[];
  /** The rendered Markdown body. */
  bodyHtml: string;
  contributors: readonly string[];
  updateNote?: { text: string; paragraph?: number | undefined } | undefined;
  /** The corrections record, oldest first, and the time zone of its dates. */
  corrections?: { entries: readonly Correction[]; timeZone: string } | undefined;
}

/**
 * The whole article as one HTML fragment for a feed item, with the parts the
 * page shows around the body, in its order: the lead picture, the bullets, the body, the
 * credits, the update note (its paragraph's words linked to `#p-N`, made
 * absolute later with every other link) and the corrections record.
 */
export function feedItemHtml({
  lead,
  bullets,
  bodyHtml,
  contributors,
  updateNote,
  corrections,
}: FeedItemParts): string {
  const parts = lead ? [leadFigureHtml(lead)] : [];
  parts.push(`<ul>${bullets.map((bullet) => `<li>${escapeXml(bullet)}</li>`).join("")}</ul>`);
  parts.push(bodyHtml);
  if (contributors.length > 0) {
    parts.push(`<p>With assistance by ${escapeXml(formatNameList(contributors))}</p>`);
  }
  if (updateNote) parts.push(`<p>${updateNoteHtml(updateNote.text, updateNote.paragraph)}</p>`);
  if (corrections && corrections.entries.length > 0) {
    const items = correctionEntries(corrections.entries).map(
      (entry) => `<li>${correctionHtml(entry, corrections.timeZone)}</li>`,
    );
    parts.push(`<h2>Corrections</h2><ol>${items.join("")}</ol>`);
  }
  return parts.join("\n");
}

function leadFigureHtml({ url, alt, width, height, caption, credit }: FeedPicture): string {
  const credited = credit ? `<small>${escapeXml(credit)}</small>` : "";
  const text = [caption && escapeXml(caption), credited].filter(Boolean).join(" ");
  return (
    `<figure><img src="${escapeXml(url)}" alt="${escapeXml(alt)}" width="${width}" height="${height}">` +
    `${text ? `<figcaption>${text}</figcaption>` : ""}</figure>`
  );
}

/**
 * The item's media (Media RSS's `<media:content>`): the lead picture, as
 * readers show it beside the headline. Its feed declares the namespace.
 */
export function feedMedia({ url, width, height, alt, credit }: FeedPicture): string {
  return (
    `<media:content url="${escapeXml(url)}" medium="image" type="image/jpeg" width="${width}" height="${height}">` +
    `<media:description type="plain">${escapeXml(alt)}</media:description>` +
    `${credit ? `<media:credit>${escapeXml(credit)}</media:credit>` : ""}</media:content>`
  );
}

function correctionHtml({ date, text, concerns }: CorrectionEntry, timeZone: string): string {
  const html = `${escapeXml(formatReaderDate(date, timeZone))}: ${escapeXml(text)}`;
  if (!concerns) return html;
  return `${html} (In the <a href="${concerns.href}">${escapeXml(concerns.name)}</a>.)`;
}

function updateNoteHtml(text: string, paragraph: number | undefined): string {
  const split = paragraph === undefined ? undefined : splitUpdateNote(text, paragraph);
  if (!split || paragraph === undefined) return escapeXml(text);
  const { before, phrase, after } = split;
  return `${escapeXml(before)}<a href="#${paragraphId(paragraph)}">${escapeXml(phrase)}</a>${escapeXml(after)}`;
}

/** What decides whether an article is in a feed. */
export interface FeedCandidate extends OrderFields {
  topics: readonly string[];
}

/**
 * The articles some feed carries: the newest FEED_ITEM_LIMIT of all, and of
 * each topic. Only these need their whole text when the listings are built
 * apart from the article pages.
 */
export function feedArticles<T extends FeedCandidate>(articles: readonly T[]): Set<T> {
  const newest = [...articles].sort(compareNewestFirst);
  const carried = new Set(newest.slice(0, FEED_ITEM_LIMIT));
  const perTopic = new Map<string, number>();
  for (const article of newest) {
    for (const topic of article.topics) {
      const count = perTopic.get(topic) ?? 0;
      if (count < FEED_ITEM_LIMIT) carried.add(article);
      perTopic.set(topic, count + 1);
    }
  }
  return carried;
}
