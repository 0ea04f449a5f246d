import type { APIRoute, GetStaticPaths } from "astro";
import { getArticles } from "../../../../data/articles";
import { articlePagesToMake } from "../../../../data/pages-to-make";
import { renderCard } from "../../../../social-cards/pool";
import { articleParams } from "../../../../lib/site-urls";
import { site } from "../../../../site.config";

export const getStaticPaths = (async () => {
  // An article with a lead picture is previewed by a crop of it instead (src/data/lead-picture.ts).
  const articles = articlePagesToMake(await getArticles()).filter(({ data }) => !data.image);
  // A build starts every missing card now, so worker threads draw them while
  // the main thread renders pages; the dev server draws each on request.
  if (import.meta.env.PROD) {
    renderCard.prefetch(
      articles.map(({ data }) => ({ headline: data.headline, siteName: site.name })),
    );
  }
  return articles.map(({ data }) => ({
    params: articleParams(data),
    props: { headline: data.headline },
  }));
}) satisfies GetStaticPaths;

/** The article's social card, shown by link previews (og:image) and in its JSON-LD. */
export const GET: APIRoute<{ headline: string }> = async ({ props }) => {
  const { png } = await renderCard({ headline: props.headline, siteName: site.name });
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
