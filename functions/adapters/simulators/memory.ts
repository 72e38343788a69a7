// Where simulated outside systems keep what they remember, so that every Lambda (and the day
// close) sees the same: the bank's table, whichever it is now (tests switch tables), under keys
// of their own (SIM…), through their own DynamoDB client. A simulator is an outside system, not
// the bank's store: it uses no store/ code and gets none of the reliability harness's faults.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config, dynamoDbConnection } from '../../config.js';

let memory: { tableName: string; endpoint: string | undefined; doc: DynamoDBDocumentClient } | undefined;

export function simulatorTable(): { tableName: string; doc: DynamoDBDocumentClient } {
  const { TABLE_NAME, DYNAMODB_ENDPOINT } = config();
  if (memory?.tableName !== TABLE_NAME || memory.endpoint !== DYNAMODB_ENDPOINT) {
    memory = { tableName: TABLE_NAME, endpoint: DYNAMODB_ENDPOINT, doc: DynamoDBDocumentClient.from(new DynamoDBClient(dynamoDbConnection())) };
  }
  return memory;
}
