// What vite.config.ts defines at build time, set before any module is loaded. STAGE is read at
// render, so a test of the local stage's demo aids sets it to 'local' itself.
Object.assign(globalThis, { API_BASE_URL: 'http://api.test', STAGE: '', API_TIMEOUT_MS: 15_000 });
// react-router encodes URLs with TextEncoder, which jsdom's global scope does not carry.
Object.assign(globalThis, { TextEncoder: require('node:util').TextEncoder, TextDecoder: require('node:util').TextDecoder });
