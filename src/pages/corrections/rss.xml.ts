import type { APIRoute } from "astro";
import { getListedArticles } from "../../data/articles";
import { correctionsFeed } from "../../data/corrections-feed";

/** The RSS 2.0 feed of corrections, newest first. */
export const GET: APIRoute = async () => correctionsFeed(await getListedArticles());
