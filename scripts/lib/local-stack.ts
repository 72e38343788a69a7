// The local bank: DynamoDB Local with the table from serverless.yml, the demo seed, and the
// API through serverless-offline. Used by `npm start` and by the end-to-end tests.
import { resetConfigForTests } from '../../functions/config.js';
import { resetSecretsForTests } from '../../functions/secrets.js';
import { ensureTable, startDynamoLocal, type RunningDynamo } from './dynamo-local.js';
import { assertPortFree } from './ports.js';
import { type Service, startService, waitForHttp } from './processes.js';
import { seedDemo } from './seed.js';
import { localSecretsEnv, repoRoot } from './serverless-config.js';

export interface LocalStackOptions {
  dynamoPort: number;
  apiPort: number;
  lambdaPort: number;
  tableName: string;
  /** Where DynamoDB Local keeps its files; in memory when absent. */
  dataDir?: string;
  log: boolean;
}

export interface LocalStack {
  dynamo: RunningDynamo;
  api: Service;
  apiUrl: string;
  stop(): Promise<void>;
}

/** Environment the seed (run in this process) needs to reach the same table as the API. */
function useTableInThisProcess(endpoint: string, tableName: string): void {
  Object.assign(process.env, {
    STAGE: 'local',
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    WECHAT_MODE: 'simulator',
    CARD_GATEWAY_MODE: 'simulator',
    ...localSecretsEnv(),
  });
  resetConfigForTests();
  resetSecretsForTests();
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  await assertPortFree(options.apiPort, 'API (serverless offline)');
  await assertPortFree(options.lambdaPort, 'serverless offline Lambda endpoint');
  const dynamo = await startDynamoLocal({ port: options.dynamoPort, dataDir: options.dataDir, logAs: options.log ? 'db' : undefined });
  try {
    const table = await ensureTable(dynamo.endpoint, options.tableName);
    if (options.log) console.log(`[setup] table ${options.tableName}: ${table}`);
    useTableInThisProcess(dynamo.endpoint, options.tableName);
    await seedDemo();
    if (options.log) console.log('[setup] demo data seeded');
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
  const api = startService(
    options.log ? 'api' : 'api-quiet',
    process.execPath,
    [
      `${repoRoot}/node_modules/serverless/bin/serverless.js`,
      'offline',
      'start',
      '--stage',
      'local',
      '--httpPort',
      String(options.apiPort),
      '--lambdaPort',
      String(options.lambdaPort),
    ],
    {
      cwd: repoRoot,
      env: { JINLIN_DYNAMODB_ENDPOINT: dynamo.endpoint, JINLIN_TABLE_NAME: options.tableName, SLS_TELEMETRY_DISABLED: '1' },
      quiet: !options.log,
    },
  );
  const apiUrl = `http://127.0.0.1:${options.apiPort}`;
  const stop = async () => {
    await Promise.all([api.stop(), dynamo.stop()]);
  };
  try {
    await waitForHttp(`${apiUrl}/v1/health`, 120_000, api.child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { dynamo, api, apiUrl, stop };
}
