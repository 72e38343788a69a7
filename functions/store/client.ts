// One DynamoDB document client per Lambda container, pointed at DynamoDB Local when configured.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';
import { installFaults, parseFaults } from './faults.js';

let cached: { tableName: string; endpoint: string | undefined; doc: DynamoDBDocumentClient } | undefined;

export function db(): { tableName: string; doc: DynamoDBDocumentClient } {
  const { TABLE_NAME, DYNAMODB_ENDPOINT, JINLIN_FAULTS } = config();
  if (cached?.tableName === TABLE_NAME && cached.endpoint === DYNAMODB_ENDPOINT) return cached;
  const local = DYNAMODB_ENDPOINT
    ? {
        endpoint: DYNAMODB_ENDPOINT,
        region: 'local',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }
    : {};
  const client = new DynamoDBClient({ ...local, maxAttempts: 4 });
  // The reliability harness's fault injection: only when asked for, and only on DynamoDB Local.
  if (JINLIN_FAULTS && DYNAMODB_ENDPOINT) installFaults(client, parseFaults(JINLIN_FAULTS));
  cached = {
    tableName: TABLE_NAME,
    endpoint: DYNAMODB_ENDPOINT,
    doc: DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    }),
  };
  return cached;
}
