interface ImportMetaEnv {
  /** The social-card worker's module URL, defined by `cardWorkerUrl()` in astro.config.mjs. */
  readonly CARD_WORKER_URL: string;
}
