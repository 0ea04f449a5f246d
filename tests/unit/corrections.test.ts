import { describe, expect, test } from "vitest";
import {
  type Correction,
  correctionEntries,
  correctionsNewestFirst,
  lastCorrected,
  lastModified,
} from "../../src/lib/corrections";

const misnamed: Correction = {
  date: "2016-03-02",
  text: "An earlier version misnamed the city.",
  paragraph: 3,
};
const misdated: Correction = { date: "2016-03-02", text: "An earlier version gave the wrong day." };
const misquoted: Correction = {
  date: "2016-03-05",
  text: "An earlier version misquoted Putin.",
  paragraph: 21,
};

describe("correctionEntries", () => {
  test("gives each correction an anchor by its date, a day's second `-2`", () => {
    expect(correctionEntries([misnamed, misdated, misquoted]).map(({ id }) => id)).toEqual([
      "correction-2016-03-02",
      "correction-2016-03-02-2",
      "correction-2016-03-05",
    ]);
  });

  test("keeps every anchor when a later correction is added, or another taken out", () => {
    const ids = (list: Correction[]) => correctionEntries(list).map(({ id }) => id);
    const before = ids([misnamed, misquoted]);
    expect(ids([misnamed, misquoted, { ...misdated, date: "2016-03-09" }]).slice(0, 2)).toEqual(
      before,
    );
    expect(ids([misnamed, misdated, misquoted])).toEqual(expect.arrayContaining(before));
    expect(ids([misquoted])).toEqual(["correction-2016-03-05"]);
  });

  test("links the paragraph a correction concerns, named as a newsroom counts", () => {
    const [first, second, third] = correctionEntries([misnamed, misdated, misquoted]);
    expect(first?.concerns).toEqual({ href: "#p-3", name: "third paragraph" });
    expect(second).not.toHaveProperty("concerns");
    expect(third?.concerns).toEqual({ href: "#p-21", name: "21st paragraph" });
  });
});

describe("lastCorrected and lastModified", () => {
  test("the latest correction's day, and none without corrections", () => {
    expect(lastCorrected([misnamed, misquoted])).toBe("2016-03-05");
    expect(lastCorrected([])).toBeUndefined();
  });

  test("an article last changed at its latest update or correction, whichever is later", () => {
    const published = "2016-03-01";
    expect(lastModified({ published })).toBe(published);
    expect(lastModified({ published, updated: "2016-03-03" })).toBe("2016-03-03");
    expect(lastModified({ published, updated: "2016-03-03", corrections: [misnamed] })).toBe(
      "2016-03-03",
    );
    expect(
      lastModified({ published, updated: "2016-03-03", corrections: [misnamed, misquoted] }),
    ).toBe("2016-03-05");
    expect(lastModified({ published, corrections: [misnamed] })).toBe("2016-03-02");
  });
});

describe("correctionsNewestFirst", () => {
  const article = (headline: string, published: string, corrections: Correction[]) => ({
    data: { headline, published, corrections },
  });

  test("lists every correction of the archive newest first, each with its article and anchor", () => {
    const talks = article("Talks", "2016-03-01", [misnamed, misquoted]);
    const summit = article("Summit", "2016-02-20", [{ ...misdated, date: "2016-03-03" }]);
    const quiet = article("Quiet", "2016-03-04", []);
    expect(
      correctionsNewestFirst([summit, quiet, talks]).map(({ article, entry }) => [
        article.data.headline,
        entry.id,
      ]),
    ).toEqual([
      ["Talks", "correction-2016-03-05"],
      ["Summit", "correction-2016-03-03"],
      ["Talks", "correction-2016-03-02"],
    ]);
  });

  test("on one day: the archive's order of articles, and an article's later correction first", () => {
    const talks = article("Talks", "2016-03-01", [misnamed, misdated]);
    const summit = article("Summit", "2016-02-20", [misnamed]);
    const newer = article("Aftermath", "2016-03-01", [misnamed]);
    expect(
      correctionsNewestFirst([summit, talks, newer]).map(({ article, entry }) => [
        article.data.headline,
        entry.id,
      ]),
    ).toEqual([
      ["Aftermath", "correction-2016-03-02"],
      ["Talks", "correction-2016-03-02-2"],
      ["Talks", "correction-2016-03-02"],
      ["Summit", "correction-2016-03-02"],
    ]);
  });
});
