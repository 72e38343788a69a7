/** Base URL of the Jinlin API, from env JINLIN_API_URL at build or dev time (vite.config.ts). */
declare const API_BASE_URL: string;

/** The stage the console is built for: 'local' shows the local demo aids (vite.config.ts). */
declare const STAGE: string;

/** How long a request may take before it counts as failed, from env JINLIN_API_TIMEOUT_MS (vite.config.ts). */
declare const API_TIMEOUT_MS: number;
