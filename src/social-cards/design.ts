/*
 * The social card's design: what it shows and how it is laid out, as a tree
 * of elements in the shape satori reads (React's, without React). Pure.
 */

/** What a card shows. */
export interface CardText {
  /** The article's headline, or the site's description on the site's own card. */
  headline: string;
  /** The site's name, shown above the headline. */
  siteName: string;
}

/** An element of the card, in the shape satori reads (React's, without React). */
export interface CardNode {
  type: string;
  props: { style: Record<string, string | number>; children?: string | CardNode[] };
}

/** The family the card is set in: Source Serif 4, from its `@fontsource` package. */
export const CARD_FONT_FAMILY = "Source Serif 4";

/** The subsets loaded, in the order satori falls back through them for a missing glyph. */
export const FONT_SUBSETS = ["latin", "latin-ext", "cyrillic", "greek", "vietnamese"] as const;
/** The headline's size: as large as the card allows for its length, so that it fits in five lines. */
export function headlineFontSize(headline: string): number {
  const length = [...headline].length;
  if (length <= 40) return 84;
  if (length <= 70) return 72;
  if (length <= 110) return 60;
  return 52;
}

/**
 * The card as a tree of elements: an accent bar along the top, then the
 * site's name over a rule, and the headline below. The bar is a box of its
 * own, not a top border: the same pixels, but satori draws a border as a
 * stroke inside two clip paths, which costs satori and the rasteriser about
 * a millisecond a card.
 */
export function cardTree({ headline, siteName }: CardText): CardNode {
  const ink = "#1a1a1a";
  const accent = "#0b55a8";
  return {
    type: "div",
    props: {
      style: {
        display: "flex",
        flexDirection: "column",
        width: "100%",
        height: "100%",
        backgroundColor: "#fbfaf6",
        color: ink,
        fontFamily: FONT_SUBSETS.map((subset) => `"${CARD_FONT_FAMILY} ${subset}"`).join(", "),
      },
      children: [
        { type: "div", props: { style: { height: 16, flexShrink: 0, backgroundColor: accent } } },
        {
          type: "div",
          props: {
            style: {
              display: "flex",
              flexDirection: "column",
              flexGrow: 1,
              padding: "56px 72px 64px 72px",
            },
            children: [
              {
                type: "div",
                props: {
                  style: { fontSize: 36, fontWeight: 700, color: accent, letterSpacing: 1 },
                  children: siteName,
                },
              },
              {
                type: "div",
                props: { style: { height: 3, marginTop: 20, backgroundColor: ink } },
              },
              {
                type: "div",
                props: {
                  style: { display: "flex", flexGrow: 1, alignItems: "center" },
                  children: [
                    {
                      type: "div",
                      props: {
                        style: {
                          fontSize: headlineFontSize(headline),
                          fontWeight: 700,
                          lineHeight: 1.15,
                          lineClamp: 5,
                        },
                        children: headline,
                      },
                    },
                  ],
                },
              },
            ],
          },
        },
      ],
    },
  };
}
