/*
 * A search result as the page shows it: the headline linked, the date, the
 * summary, and the sections that matched with their excerpts. Built as
 * elements and text nodes, never as HTML, so nothing in a result is taken as
 * markup but Pagefind's <mark>s.
 */
import type { ResultData } from "./pagefind";

// A calendar date ("2015-11-15") read and written in UTC, so no reader's
// time zone moves it to the day before.
const readerDate = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });

/** Pagefind's excerpt (escaped text with <mark>s) as nodes: its marks kept, nothing else taken as markup. */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(excerpt, "text/html").body;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== "MARK") return document.createTextNode(node.textContent ?? "");
    const mark = document.createElement("mark");
    mark.textContent = node.textContent;
    return mark;
  });
}

/** A new element of `name`, with a class unless `className` is empty, holding `children`. */
export function element<K extends keyof HTMLElementTagNameMap>(
  name: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const made = document.createElement(name);
  if (className) made.className = className;
  made.append(...children);
  return made;
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = element("a", "", text);
  a.href = href;
  return a;
}

/** A result's list item: its headline linked (its URL if it has none), its date and summary if valid, and its matching sections. */
export function resultItem({ url, meta, sub_results }: ResultData): HTMLLIElement {
  const item = element("li", "search-result", element("h3", "", link(url, meta.title ?? url)));
  if (meta.date && !Number.isNaN(Date.parse(meta.date))) {
    const time = element("time", "", readerDate.format(new Date(meta.date)));
    time.dateTime = meta.date;
    item.append(element("p", "search-date", time));
  }
  if (meta.summary) item.append(element("p", "search-summary", meta.summary));
  // The sections that matched: sub-results that start at a heading with an id.
  const sections = sub_results.filter((sub) => sub.anchor);
  if (sections.length > 0) {
    item.append(
      element(
        "ul",
        "search-sections",
        ...sections.map((sub) =>
          element(
            "li",
            "",
            link(sub.url, sub.title),
            element("p", "", ...excerptNodes(sub.excerpt)),
          ),
        ),
      ),
    );
  }
  return item;
}
