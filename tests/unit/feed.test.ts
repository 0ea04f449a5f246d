import { describe, expect, test } from "vitest";
import { escapeXml, feedCreators } from "../../src/lib/feed";
import { feedContent } from "../../src/markdown/feed-html";

const articleUrl = "https://news.example.org/reader/articles/2015-11-15/putin/";

describe("feedContent", () => {
  test("drops the section self-links a feed reader would show as text", () => {
    const html =
      '<div class="section-heading"><h2 id="assads-future">Assad’s Future</h2>' +
      '<a class="section-link" href="#assads-future"><span aria-hidden="true">#</span>' +
      '<span class="visually-hidden">Link to section: Assad’s Future</span></a></div>';
    expect(feedContent(html, articleUrl)).toBe(
      '<div><h2 id="user-content-assads-future">Assad’s Future</h2></div>',
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
