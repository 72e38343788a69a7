// Imported first by no-clear-pin.test.ts, before anything that loads the logger: Powertools takes
// its level when the logger is built, and every invocation puts that level back — so the most
// verbose level has to be in the environment before functions/platform/logger.ts is loaded.
process.env.LOG_LEVEL = 'DEBUG';
