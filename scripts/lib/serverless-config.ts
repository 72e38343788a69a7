// Reads serverless.yml, the one description of the stack: the table definition and the local
// stage's parameters come from here, so local tools never keep a second copy.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type Tags } from 'yaml';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

// CloudFormation intrinsic tags (!GetAtt, !Join, !Sub, !Ref) kept as plain values.
const cfnTags: Tags = ['GetAtt', 'Join', 'Sub', 'Ref', 'Select', 'If'].flatMap((name) => [
  { tag: `!${name}`, resolve: (value: unknown) => ({ [`Fn::${name}`]: value }) },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (value: unknown) => ({ [`Fn::${name}`]: value }) },
]);

interface ServerlessFile {
  params: Record<string, Record<string, unknown>>;
  custom: { esbuild: Record<string, unknown> & { define?: Record<string, string> } };
  functions: Record<string, { handler: string; events?: { httpApi?: string }[] }>;
  resources: { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
}

export function serverlessFile(): ServerlessFile {
  return parse(readFileSync(`${repoRoot}/serverless.yml`, 'utf8'), { customTags: cfnTags }) as ServerlessFile;
}

export interface TableDefinition {
  AttributeDefinitions: { AttributeName: string; AttributeType: 'S' | 'N' | 'B' }[];
  KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
  GlobalSecondaryIndexes?: {
    IndexName: string;
    KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
    Projection: { ProjectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; NonKeyAttributes?: string[] };
  }[];
  StreamSpecification?: { StreamViewType: 'NEW_AND_OLD_IMAGES' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'KEYS_ONLY' };
  TimeToLiveSpecification?: { AttributeName: string; Enabled: boolean };
}

export function tableDefinition(): TableDefinition {
  const table = serverlessFile().resources.Resources.BankTable;
  if (table?.Type !== 'AWS::DynamoDB::Table') throw new Error('serverless.yml has no BankTable');
  return table.Properties as unknown as TableDefinition;
}

/** A stage's parameters: params.default overlaid with the stage's own. */
export function stageParams(stage: string): Record<string, unknown> {
  const { params } = serverlessFile();
  return { ...params.default, ...params[stage] };
}

/** custom.esbuild.define as the Serverless CLI resolves it for `stage` (its values are
 *  `${param:…}` references), for builds that must match that stage's bundles. */
export function esbuildDefine(stage: string): Record<string, string> {
  const params = stageParams(stage);
  const define = serverlessFile().custom.esbuild.define ?? {};
  return Object.fromEntries(
    Object.entries(define).map(([name, value]) => {
      const param = /^\$\{param:(\w+)\}$/.exec(value)?.[1];
      if (param && params[param] === undefined) throw new Error(`serverless.yml: no param ${param} for stage ${stage}`);
      return [name, param ? String(params[param]) : value];
    }),
  );
}

/** The environment the Lambda functions get on the local stage, with ${...} variables that
 *  only the Serverless CLI resolves replaced by the values given here. */
export function localSecretsEnv(): Record<string, string> {
  const params = stageParams('local');
  return {
    JINLIN_JWT_SECRET: String(params.devJwtSecret),
    JINLIN_DATA_KEY: String(params.devDataKey),
    JINLIN_OPERATOR_KEY: String(params.devOperatorKey),
    JINLIN_PIN_KEYS: String(params.devPinKeys),
    JINLIN_PIN_KEY_ID: String(params.devPinKeyId),
    JINLIN_PAYMENT_NONCE_KEY: String(params.devPaymentNonceKey),
    JINLIN_PIN_SM2_PRIVATE_KEY: String(params.devPinSm2PrivateKey),
    JINLIN_PIN_SM2_PUBLIC_KEY: String(params.devPinSm2PublicKey),
    JINLIN_AUDIT_MAC_KEY: String(params.devAuditMacKey),
    JINLIN_RECEIPT_KEYS: String(params.devReceiptKeys),
    JINLIN_RECEIPT_KEY_ID: String(params.devReceiptKeyId),
    JINLIN_OPEN_PLATFORM_KEYS: String(params.devOpenPlatformKeys),
    JINLIN_OPEN_PLATFORM_KEY_SERIAL: String(params.devOpenPlatformKeySerial),
    ALLOW_CLOCK_CONTROL: String(params.allowClockControl),
    ALLOW_LOOPBACK_WEBHOOKS: String(params.allowLoopbackWebhooks),
  };
}
