// Kept for the build tests, which still import it from here until they are
// repointed at src/cli/synthetic-articles.ts; nothing else should.
export * from "../../src/cli/synthetic-articles";
