// Kept for the build tests, which still import it from here until they are
// repointed at src/cli/serve-static.ts; nothing else should.
export * from "../../src/cli/serve-static";
