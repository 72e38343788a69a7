// `serverless package` for the prod stage runs offline (no AWS credentials, no network) and
// produces the CloudFormation the bank deploys; these assertions hold that template to the
// security and durability rules.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { routes } from '../../functions/contract/routes.js';
import { repoRoot, serverlessFile } from '../../scripts/lib/serverless-config.js';

type Template = { Resources: Record<string, { Type: string; Properties: any }> };

describe('serverless package --stage prod', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'jinlin-package-'));
  let template: Template;

  before(() => {
    const result = spawnSync(
      process.execPath,
      [`${repoRoot}/node_modules/serverless/bin/serverless.js`, 'package', '--stage', 'prod', '--package', outDir],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        // No credentials at all: packaging must not need AWS.
        env: { PATH: process.env.PATH, HOME: process.env.HOME, SLS_TELEMETRY_DISABLED: '1' },
        timeout: 180_000,
      },
    );
    assert.equal(result.status, 0, `serverless package failed:\n${result.stdout}\n${result.stderr}`);
    template = JSON.parse(readFileSync(join(outDir, 'cloudformation-template-update-stack.json'), 'utf8'));
  });

  const ofType = (type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);

  test('the table has point-in-time recovery, encryption at rest, a stream, TTL and is retained', () => {
    const tables = ofType('AWS::DynamoDB::Table');
    assert.equal(tables.length, 1);
    const [name, table] = tables[0]!;
    assert.equal(name, 'BankTable');
    assert.equal((template.Resources.BankTable as any).DeletionPolicy, 'Retain');
    const p = table.Properties;
    assert.equal(p.TableName, 'jinlin-prod');
    assert.equal(p.BillingMode, 'PAY_PER_REQUEST');
    assert.equal(p.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled, true);
    assert.equal(p.SSESpecification.SSEEnabled, true);
    assert.equal(p.StreamSpecification.StreamViewType, 'NEW_AND_OLD_IMAGES');
    assert.deepEqual(p.TimeToLiveSpecification, { AttributeName: 'expiresAtEpoch', Enabled: true });
  });

  test('IAM gives the functions only the table (and its indexes) and their one secret', () => {
    const roles = ofType('AWS::IAM::Role');
    assert.equal(roles.length, 1);
    const role = roles[0]![1];
    const statements: { Action: string[]; Resource: unknown[] }[] = role.Properties.Policies.flatMap(
      (policy: any) => policy.PolicyDocument.Statement,
    );
    const tableArn = { 'Fn::GetAtt': ['BankTable', 'Arn'] };
    for (const statement of statements) {
      assert.ok(!JSON.stringify(statement.Resource).includes('"*"'), `wildcard resource in ${JSON.stringify(statement)}`);
      const dynamoActions = statement.Action.filter((action) => action.startsWith('dynamodb:'));
      if (dynamoActions.length === 0) continue;
      assert.deepEqual(statement.Resource, [tableArn, { 'Fn::Join': ['', [tableArn, '/index/*']] }]);
      for (const dangerous of ['dynamodb:*', 'dynamodb:Scan', 'dynamodb:DeleteTable', 'dynamodb:UpdateTable']) {
        assert.ok(!dynamoActions.includes(dangerous), `${dangerous} granted`);
      }
    }
    const actions = statements.flatMap((statement) => statement.Action);
    assert.ok(actions.includes('dynamodb:UpdateItem'));
    assert.ok(actions.every((action) => /^(dynamodb|logs|ssm):/.test(action)), actions.join(','));
    const ssm = statements.find((statement) => statement.Action.includes('ssm:GetParameter'));
    assert.match(JSON.stringify(ssm?.Resource), /parameter\/jinlin\/prod\/secrets/);
  });

  test('the prod stage uses real WeChat and card gateway, secrets from SSM, no local secrets', () => {
    for (const [, fn] of ofType('AWS::Lambda::Function')) {
      const env = fn.Properties.Environment.Variables;
      assert.equal(env.WECHAT_MODE, 'real');
      assert.equal(env.CARD_GATEWAY_MODE, 'real');
      assert.equal(env.SECRETS_PARAMETER, '/jinlin/prod/secrets');
      assert.equal(env.JINLIN_JWT_SECRET, '');
      assert.equal(env.JINLIN_DATA_KEY, '');
      assert.equal(env.DYNAMODB_ENDPOINT, '');
      // The reliability harness's fault injection is for the local stage only.
      assert.ok(env.JINLIN_FAULTS === undefined || env.JINLIN_FAULTS === '', `JINLIN_FAULTS=${env.JINLIN_FAULTS}`);
      assert.equal(fn.Properties.Runtime, 'nodejs22.x');
    }
  });

  test('the HTTP API routes are exactly the contract routes', () => {
    const deployed = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey as string).sort();
    const contract = Object.values(routes).map((r) => `${r.method} ${r.path}`).sort();
    assert.deepEqual(deployed, contract);
    const inYaml = Object.values(serverlessFile().functions)
      .flatMap((fn) => (fn.events ?? []).flatMap((e) => (e.httpApi ? [e.httpApi] : [])))
      .sort();
    assert.deepEqual(inYaml, contract);
  });

  test('each function is packaged on its own and stays well under the Lambda size limit', (t) => {
    for (const name of Object.keys(serverlessFile().functions)) {
      const sizeBytes = statSync(join(outDir, `${name}.zip`)).size;
      t.diagnostic(`${name}.zip ${(sizeBytes / 1024).toFixed(0)} KB (zipped, with source map)`);
      assert.ok(sizeBytes < 5 * 1024 * 1024, `${name}.zip is ${sizeBytes} bytes`);
    }
  });
});
