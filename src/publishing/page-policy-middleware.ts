import type { MiddlewareHandler } from "astro";
import { narrowPagePolicy } from "./page-policy";

/**
 * Narrows each page's CSP `<meta>` as the page is made, before Astro writes
 * it (see `pagePolicies`): a pass over the finished site read, parsed and
 * wrote every page a second time.
 */
export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const isPage = response.headers.get("content-type")?.startsWith("text/html") === true;
  if (!isPage || !response.body || (response.status >= 300 && response.status < 400)) {
    return response;
  }
  const html = narrowPagePolicy(await response.text(), context.url.pathname);
  return new Response(html, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};
