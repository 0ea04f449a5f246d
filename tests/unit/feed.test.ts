import { describe, expect, test } from "vitest";
import {
  escapeXml,
  FEED_ITEM_LIMIT,
  feedArticles,
  feedCreators,
  feedItemHtml,
} from "../../src/lib/feed";
import { feedContent } from "../../src/markdown/feed-html";

const articleUrl = "https://news.example.org/reader/articles/2015-11-15/putin/";

describe("feedContent", () => {
  test("keeps a heading's words but not its self-link, which is the page's furniture", () => {
    const html =
      '<h2 id="assads-future"><a class="section-link" href="#assads-future">Assad’s Future</a></h2>';
    expect(feedContent(html, articleUrl)).toBe(
      '<h2 id="user-content-assads-future">Assad’s Future</h2>',
    );
  });

  test("makes links and images absolute against the article's URL", () => {
    const html =
      '<p><a href="/reader/articles/2015-11-14/paris/">Paris</a> ' +
      '<a href="#assads-future">below</a> <a href="../x/">x</a> ' +
      '<a href="https://other.example/">other</a> <img src="photo.jpg" alt="A photo"></p>';
    expect(feedContent(html, articleUrl)).toBe(
      '<p><a href="https://news.example.org/reader/articles/2015-11-14/paris/">Paris</a> ' +
        `<a href="${articleUrl}#assads-future">below</a> ` +
        '<a href="https://news.example.org/reader/articles/2015-11-15/x/">x</a> ' +
        '<a href="https://other.example/">other</a> ' +
        `<img src="${articleUrl}photo.jpg" alt="A photo"></p>`,
    );
  });

  test("is safe on its own: scripts, handlers, javascript: URLs and styles are removed", () => {
    const html =
      '<p onclick="steal()" style="color:red">Hi<script>steal()</script></p>' +
      '<a href="javascript:steal()">x</a><img src="x.png" onerror="steal()">' +
      '<iframe src="https://evil.example/"></iframe><style>p{}</style>';
    const safe = feedContent(html, articleUrl);
    expect(safe).not.toMatch(/steal|javascript:|onclick|onerror|style|iframe|script/i);
    expect(safe).toContain("<p>Hi</p>");
  });
});

describe("feedItemHtml", () => {
  const g20 = {
    bullets: ["Meeting on summit sideline", "Russia seeks collaboration"],
    bodyHtml: '<p id="p-1">Body.</p>',
    contributors: ["Robert Hutton", "Henry Meyer", "Ryan Chilcote"],
    updateNote: { text: "(Updates with Putin comment in third paragraph.)", paragraph: 3 },
  };

  test("carries the bullets, the body, the credits and the update note, in the page's order", () => {
    expect(feedItemHtml(g20)).toBe(
      "<ul><li>Meeting on summit sideline</li><li>Russia seeks collaboration</li></ul>\n" +
        '<p id="p-1">Body.</p>\n' +
        "<p>With assistance by Robert Hutton, Henry Meyer, and Ryan Chilcote</p>\n" +
        '<p>(Updates with Putin comment in <a href="#p-3">third paragraph</a>.)</p>',
    );
  });

  test("leaves out credits and a note the article has not, and links a note naming no paragraph nowhere", () => {
    expect(feedItemHtml({ ...g20, contributors: [], updateNote: undefined })).toBe(
      "<ul><li>Meeting on summit sideline</li><li>Russia seeks collaboration</li></ul>\n" +
        '<p id="p-1">Body.</p>',
    );
    expect(
      feedItemHtml({ ...g20, contributors: [], updateNote: { text: "(Updates with prices.)" } }),
    ).toMatch(/<p>\(Updates with prices\.\)<\/p>$/);
  });

  test("ends with the corrections record, oldest first, each linking the paragraph it concerns", () => {
    const corrections = {
      entries: [
        { date: "2015-11-16", text: "An earlier version misnamed the city.", paragraph: 2 },
        { date: "2015-11-16", text: "The headline <was> clarified & shortened." },
      ],
      timeZone: "Europe/Istanbul",
    };
    expect(feedItemHtml({ ...g20, contributors: [], updateNote: undefined, corrections })).toBe(
      "<ul><li>Meeting on summit sideline</li><li>Russia seeks collaboration</li></ul>\n" +
        '<p id="p-1">Body.</p>\n' +
        "<h2>Corrections</h2><ol>" +
        '<li>November 16, 2015: An earlier version misnamed the city. (In the <a href="#p-2">second paragraph</a>.)</li>' +
        "<li>November 16, 2015: The headline &lt;was&gt; clarified &amp; shortened.</li></ol>",
    );
    expect(feedItemHtml({ ...g20, corrections: { entries: [], timeZone: "UTC" } })).toBe(
      feedItemHtml(g20),
    );
  });

  test("escapes the text it is given", () => {
    expect(feedItemHtml({ ...g20, bullets: ["<b>A & B</b>"], contributors: ["<i>"] })).toContain(
      "<li>&lt;b&gt;A &amp; B&lt;/b&gt;</li>",
    );
  });
});

describe("feedCreators", () => {
  test("credits the organisation when no person is named", () => {
    expect(feedCreators({ authors: [], organisation: "Bloomberg News" })).toBe(
      "<dc:creator>Bloomberg News</dc:creator>",
    );
  });

  test("credits each named author, escaped for XML", () => {
    expect(feedCreators({ authors: ["A & B", "<C>"], organisation: "X" })).toBe(
      "<dc:creator>A &amp; B</dc:creator><dc:creator>&lt;C&gt;</dc:creator>",
    );
  });
});

describe("escapeXml", () => {
  test("escapes the three characters XML text cannot hold", () => {
    expect(escapeXml("a < b && c > d")).toBe("a &lt; b &amp;&amp; c &gt; d");
  });
});

describe("feedArticles", () => {
  const article = (day: number, topics: string[]) => ({
    headline: `Day ${day}`,
    published: `2014-01-${String(day).padStart(2, "0")}`,
    topics,
  });

  test("carries the newest of all, and the newest of each topic however old", () => {
    const old = article(1, ["Rare Topic"]);
    const newer = Array.from({ length: FEED_ITEM_LIMIT }, (_, index) =>
      article(index + 2, ["Common"]),
    );
    const oldest = article(1, ["Common"]);
    const carried = feedArticles([old, oldest, ...newer]);
    expect(carried.has(old)).toBe(true);
    expect(carried.has(oldest)).toBe(false);
    expect(carried.size).toBe(FEED_ITEM_LIMIT + 1);
  });
});
