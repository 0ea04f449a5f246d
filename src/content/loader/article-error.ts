import { formatProblems, type Problem } from "../checks/problems";

/**
 * The build's error for articles that must not be published. Its message is
 * the problems, one a line; it carries no stack, so Astro prints the message
 * alone ("content/articles/x.md: `hedline` is not a field — did you mean
 * `headline`?") instead of a trace of our code.
 */
export class ArticleError extends Error {
  /** The problems, for whoever wants more than the message. */
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(formatProblems(problems));
    this.name = "ArticleError";
    this.problems = problems;
    this.stack = "";
  }

  // Astro adds a hint about browser APIs to any error whose text mentions
  // "window" or "document"; an article's file name may.
  override toString(): string {
    return this.name;
  }
}
