// The reliability harness's DynamoDB fault injection (functions/store/faults.ts): what each fault
// does to a call, and that it is never installed unless asked for — and never against real
// DynamoDB. Uses a fake HTTP handler: no network, no DynamoDB.
import { DynamoDBClient, GetItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { resetConfigForTests } from '../../functions/config.js';
import { db } from '../../functions/store/client.js';
import { cancellationCodes, isRetryableContention } from '../../functions/store/errors.js';
import { installFaults, parseFaults } from '../../functions/store/faults.js';

function fakeClient() {
  const sent: string[] = [];
  const client = new DynamoDBClient({
    endpoint: 'http://127.0.0.1:9',
    region: 'local',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    maxAttempts: 4,
    requestHandler: {
      handle: async (request: { headers: Record<string, string> }) => {
        sent.push(String(request.headers['x-amz-target']).split('.').pop() ?? '');
        return { response: { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: new TextEncoder().encode('{}') } };
      },
    } as never,
  });
  return { client, sent };
}

const transact = () =>
  new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: 't', Item: { PK: { S: 'a' }, SK: { S: 'b' } } } }, { Put: { TableName: 't', Item: { PK: { S: 'c' }, SK: { S: 'd' } } } }] });

describe('JINLIN_FAULTS', () => {
  test('parses rates, a seed and a log path; refuses anything else', () => {
    const plan = parseFaults('throttle:0.05, conflict:0.1,lostReply:0.02,seed:42,log:/tmp/x/faults.log');
    assert.deepEqual(plan, { rates: { throttle: 0.05, conflict: 0.1, lostReply: 0.02 }, seed: 42, log: '/tmp/x/faults.log' });
    for (const bad of ['throttle:2', 'throttle:-0.1', 'throttle:x', 'meteor:0.1', 'seed:abc', 'log:', 'conflict']) {
      assert.throws(() => parseFaults(bad), /JINLIN_FAULTS/, bad);
    }
  });

  test('throttling happens under the SDK\'s retries: most calls succeed after a retry; each injection is logged', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'faults-')), 'faults.log');
    const { client, sent } = fakeClient();
    installFaults(client, parseFaults(`throttle:0.5,seed:7,log:${log}`));
    let failed = 0;
    for (let n = 0; n < 100; n++) {
      await client.send(new GetItemCommand({ TableName: 't', Key: { PK: { S: 'a' } } })).catch((error: Error) => {
        failed++;
        assert.ok(isRetryableContention(error), error.name);
      });
    }
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    const throttles = lines.filter((l) => l === 'throttle GetItem').length;
    // Half the attempts are throttled; a call fails only when all four attempts were.
    assert.ok(throttles > 60, `${throttles} throttles`);
    assert.ok(failed > 0 && failed < 20, `${failed} calls failed`);
    assert.equal(lines.filter((l) => l === 'throttleSurfaced GetItem').length, failed);
    assert.equal(sent.length, 100 - failed);
  });

  test('a conflict cancels the transaction before it is sent, with a TransactionConflict reason', async () => {
    const { client, sent } = fakeClient();
    installFaults(client, parseFaults('conflict:1,seed:1'));
    const error = await client.send(transact()).then(() => undefined, (e: unknown) => e);
    assert.equal((error as Error).name, 'TransactionCanceledException');
    assert.equal(cancellationCodes(error)!.length, 2);
    assert.ok(cancellationCodes(error)!.includes('TransactionConflict'));
    assert.ok(isRetryableContention(error));
    assert.deepEqual(sent, []);
    // Only transactions conflict.
    await client.send(new GetItemCommand({ TableName: 't', Key: { PK: { S: 'a' } } }));
  });

  test('a lost reply: the transaction is sent (it commits), then the caller gets a timeout', async () => {
    const { client, sent } = fakeClient();
    installFaults(client, parseFaults('lostReply:1,seed:1'));
    const error = await client.send(transact()).then(() => undefined, (e: unknown) => e);
    assert.equal((error as Error).name, 'TimeoutError');
    assert.ok(!isRetryableContention(error), 'not retried as contention: the caller cannot know it committed');
    assert.deepEqual(sent, ['TransactWriteItems']);
  });

  test('the same seed injects the same faults', async () => {
    const run = async () => {
      const { client } = fakeClient();
      installFaults(client, parseFaults('conflict:0.5,seed:99'));
      const outcomes: string[] = [];
      for (let n = 0; n < 30; n++) outcomes.push(await client.send(transact()).then(() => 'ok', (e: Error) => e.name));
      return outcomes.join();
    };
    assert.equal(await run(), await run());
  });

  test('db() installs nothing unless JINLIN_FAULTS is set, and never without a local endpoint', () => {
    const saved = { ...process.env };
    const installed = (env: Record<string, string | undefined>) => {
      Object.assign(process.env, { TABLE_NAME: `faults-${Math.random()}`, DYNAMODB_ENDPOINT: '', JINLIN_FAULTS: '', ...env });
      resetConfigForTests();
      const stack = (db().doc as unknown as { middlewareStack: { identify(): string[] } }).middlewareStack.identify();
      return stack.some((name) => name.startsWith('jinlinFaults'));
    };
    try {
      assert.equal(installed({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' }), false);
      assert.equal(installed({ JINLIN_FAULTS: 'throttle:0.1' }), false, 'real DynamoDB never gets faults');
      assert.equal(installed({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000', JINLIN_FAULTS: 'throttle:0.1' }), true);
    } finally {
      for (const name of ['TABLE_NAME', 'DYNAMODB_ENDPOINT', 'JINLIN_FAULTS']) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
      resetConfigForTests();
    }
  });
});
