// One DynamoDB document client per Lambda container, pointed at DynamoDB Local when configured.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config, dynamoDbConnection } from '../config.js';

declare const __JINLIN_TEST_DOUBLES__: boolean | undefined;
// The reliability harness's fault injection, only in builds that carry test doubles (see
// config.ts): where serverless.yml's esbuild `define` makes the test false, esbuild drops the
// import and faults.ts is not in the bundle. Tested here, not imported: esbuild folds a constant
// only inside its own module. Awaited as this module loads, so that db() stays synchronous (and so
// faults.ts must never import this module: the cycle would never settle).
const faults = typeof __JINLIN_TEST_DOUBLES__ === 'undefined' || __JINLIN_TEST_DOUBLES__ ? await import('./faults.js') : undefined;

let cached: { tableName: string; endpoint: string | undefined; doc: DynamoDBDocumentClient } | undefined;

export function db(): { tableName: string; doc: DynamoDBDocumentClient } {
  const { TABLE_NAME, DYNAMODB_ENDPOINT, JINLIN_FAULTS } = config();
  if (cached?.tableName === TABLE_NAME && cached.endpoint === DYNAMODB_ENDPOINT) return cached;
  const client = new DynamoDBClient({ ...dynamoDbConnection(), maxAttempts: 4 });
  // Only when asked for, and only on DynamoDB Local (config() refuses JINLIN_FAULTS in a build
  // without fault injection).
  if (faults && JINLIN_FAULTS && DYNAMODB_ENDPOINT) faults.installFaults(client, faults.parseFaults(JINLIN_FAULTS));
  cached = {
    tableName: TABLE_NAME,
    endpoint: DYNAMODB_ENDPOINT,
    doc: DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    }),
  };
  return cached;
}
