import type { APIRoute } from "astro";
import { renderCard } from "../social-cards/pool";
import { site } from "../site.config";

/** The site's own social card, for the pages that are not articles. */
export const GET: APIRoute = async () => {
  const { png } = await renderCard({ headline: site.description, siteName: site.name });
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
