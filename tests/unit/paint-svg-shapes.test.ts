import { describe, expect, test } from "vitest";
import { parseSvg } from "../../src/social-cards/paint/svg-shapes";

const svg = (width: number, height: number, body: string) =>
  `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
const paper = '<rect x="0" y="0" width="4" height="4" fill="#fff"/>';

describe("parseSvg", () => {
  test("gives the rectangles and paths in document order, with their fills as numbers", () => {
    const shapes = parseSvg(
      svg(
        4,
        4,
        `${paper}<g><path fill="#0b55a8" d="M0 0L1 0L1 1Z"/></g><rect x="1" y="2" width="3" height="1" fill="#000"/>`,
      ),
      4,
      4,
    );
    expect(shapes).toEqual([
      { kind: "rect", x: 0, y: 0, width: 4, height: 4, fill: 0xffffff },
      { kind: "path", d: "M0 0L1 0L1 1Z", fill: 0x0b55a8 },
      { kind: "rect", x: 1, y: 2, width: 3, height: 1, fill: 0x000000 },
    ]);
  });

  test("leaves out the rectangles of satori's unused masks", () => {
    const shapes = parseSvg(
      svg(4, 4, `<mask id="m"><rect x="0" y="0" width="4" height="4" fill="#fff"/></mask>${paper}`),
      4,
      4,
    );
    expect(shapes).toEqual([{ kind: "rect", x: 0, y: 0, width: 4, height: 4, fill: 0xffffff }]);
  });

  test("turns down what satori does not write for a card", () => {
    for (const body of [
      `${paper}<circle cx="2" cy="2" r="1" fill="#000"/>`,
      `${paper}<g transform="scale(2)"><path fill="#000" d="M0 0L1 0L1 1Z"/></g>`,
      `${paper}<g><path fill="#000" mask="url(#m)" d="M0 0L1 0L1 1Z"/></g>`,
      `${paper}<g><path fill="url(#gradient)" d="M0 0L1 0L1 1Z"/></g>`,
      `<mask id="m"><path fill="#000" d="M0 0L1 0L1 1Z"/></mask>${paper}`, // a path in a mask
      `<mask id="m">${paper}`, // a mask never closed
      `<mask id="m"/>${paper}`,
      '<rect x="0.5" y="0" width="4" height="4" fill="#fff"/>',
      `${paper} text between tags`,
    ]) {
      expect(parseSvg(svg(4, 4, body), 4, 4), body).toBeUndefined();
    }
    expect(parseSvg(svg(5, 4, paper), 4, 4)).toBeUndefined();
  });
});
