// How every headless Chromium of the project is launched (the end-to-end journeys and the
// benchmarks), so a page measured and a page tested run under the same flags.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
