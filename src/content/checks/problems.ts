/** Something wrong with an article, as the build reports it. */
export interface Problem {
  /** The article's file, as the editor would open it: `content/articles/x.md`. */
  file: string;
  /** What is wrong and, where it helps, what to do. */
  message: string;
  /** The line of the file it is on, when known. */
  line?: number | undefined;
}

/** One problem as a line an editor reads: "content/articles/x.md: `hedline` is not a field …". */
export function formatProblem({ file, line, message }: Problem): string {
  return `${file}${line === undefined ? "" : `:${line}`}: ${message}`;
}

/** Every problem, one a line, in file order, for the build's error. */
export function formatProblems(problems: readonly Problem[]): string {
  return [...problems]
    .sort((a, b) => (a.file === b.file ? 0 : a.file < b.file ? -1 : 1))
    .map(formatProblem)
    .join("\n");
}
