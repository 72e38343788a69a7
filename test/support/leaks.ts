// What must never appear in an API answer: stack traces, error class names, file paths, AWS and
// DynamoDB internals. Shared by the bank test, the fuzzer and the access matrix.

const PATTERNS: [string, RegExp][] = [
  ['"Error:"', /\b[A-Za-z]*Error:/],
  ['a stack frame', /(^|\\n|\n)\s*at\s|\bat [\w$.<>]+ \(|\bat (file|node):/],
  ['a file path', /(\/work\/|\/tmp\/|\/var\/task|\/opt\/|node_modules|[\w-]+\.(m?[jt]s|cjs)(:\d+)?\b)/],
  ['an AWS exception name', /\b\w*(Exception|Exceeded)\b|ConditionalCheckFailed|TransactionConflict|TransactionCanceled|ThrottlingError/],
  ['an AWS/DynamoDB internal', /\b(aws-sdk|@aws-sdk|DynamoDB|dynamodb|\$metadata|CancellationReasons|ConditionExpression|TransactItems|PK|SK)\b/],
  ['a runtime internal', /\b(undefined is not|Cannot read prop|is not a function|ZodError|TypeError|RangeError|SyntaxError|ECONNREFUSED|ETIMEDOUT|errorMessage|errorType|stackTrace)\b/],
];

/** The first kind of internal detail found in `raw`, or undefined. */
export function internalDetail(raw: string): string | undefined {
  for (const [what, pattern] of PATTERNS) {
    const match = pattern.exec(raw);
    if (match) return `${what} (${JSON.stringify(match[0])})`;
  }
  return undefined;
}

const CHINESE = /[\u4e00-\u9fa5]/;

/** Why a 4xx/5xx body is not exactly `{ error: { code, message } }` with a Chinese message. */
export function errorShapeProblem(raw: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return 'not JSON';
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'not an object';
  if (Object.keys(body).join() !== 'error') return `keys ${Object.keys(body).join(',')}`;
  const error = (body as { error: unknown }).error;
  if (!error || typeof error !== 'object') return 'error is not an object';
  if (Object.keys(error).sort().join() !== 'code,message') return `error keys ${Object.keys(error).join(',')}`;
  const { code, message } = error as { code: unknown; message: unknown };
  if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_]{2,63}$/.test(code)) return `code ${JSON.stringify(code)}`;
  if (typeof message !== 'string' || !CHINESE.test(message)) return `message ${JSON.stringify(message)}`;
  return undefined;
}
