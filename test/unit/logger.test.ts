// The one logger: every line a request logs carries the Lambda context and the API Gateway
// request id, and nothing of one request's keys is left on the next one's lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logContext, logger } from '../../functions/platform/logger.js';

/** Runs `work` with stderr captured: the logger writes one JSON document per line, critical
 *  ones to stderr. */
async function linesLoggedBy(work: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const written: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    await work();
  } finally {
    process.stderr.write = write;
  }
  return written.join('').split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
}

const lambdaContext = (awsRequestId: string) =>
  ({
    functionName: 'jinlin-test-account',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:cn-north-1:000000000000:function:jinlin-test-account',
    memoryLimitInMB: '1024',
    awsRequestId,
    logGroupName: '/aws/lambda/jinlin-test-account',
    logStreamName: 'stream',
    getRemainingTimeInMillis: () => 1000,
  }) as unknown as Context;

test('a request logs with its Lambda request id and its API Gateway request id, and the next request does not inherit them', async () => {
  const handler = middy<{ requestContext?: { requestId?: string } }, void>()
    .use(logContext())
    .handler(async () => {
      // Critical: logged whatever LOG_LEVEL the test run sets (the level is reset per invocation).
      logger.critical('inside the request');
    });
  const lines = await linesLoggedBy(async () => {
    await handler({ requestContext: { requestId: 'apigw-1' } }, lambdaContext('lambda-1'));
    await handler({}, lambdaContext('lambda-2'));
  });
  assert.equal(lines.length, 2);
  const [first, second] = lines;
  assert.equal(first!.function_request_id, 'lambda-1');
  assert.equal(first!.correlation_id, 'apigw-1');
  assert.equal(first!.function_name, 'jinlin-test-account');
  assert.equal(second!.function_request_id, 'lambda-2');
  assert.equal(second!.correlation_id, undefined, 'the second request had no API Gateway id and must not carry the first one');
});
