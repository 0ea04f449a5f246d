import { expect, test } from "vitest";
import { formatProblem, formatProblems } from "../../src/content/checks/problems";

test("writes a problem as file, line when known, and message", () => {
  expect(formatProblem({ file: "content/articles/x.md", message: "`headline` is missing" })).toBe(
    "content/articles/x.md: `headline` is missing",
  );
  expect(formatProblem({ file: "a.md", line: 12, message: "removed <script>" })).toBe(
    "a.md:12: removed <script>",
  );
});

test("lists problems one a line, grouped by file, each file's in the order found", () => {
  expect(
    formatProblems([
      { file: "b.md", message: "one" },
      { file: "a.md", message: "two" },
      { file: "b.md", message: "three" },
    ]),
  ).toBe("a.md: two\nb.md: one\nb.md: three");
});
