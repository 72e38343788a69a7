// `serverless package` for the prod stage runs offline (no AWS credentials, no network) and
// produces the CloudFormation the bank deploys; these assertions hold that template to the
// security and durability rules, and its bundles to carrying no test doubles (simulators, fault
// injection), which the local stage's bundles do carry.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { readZip } from '../../bench/lib/zip.js';
import { openApiDocument } from '../../functions/contract/openapi.js';
import { routes } from '../../functions/contract/routes.js';
import { bundledModules, testDoublesIn } from '../../scripts/lib/bundle-modules.js';
import { esbuildDefine, repoRoot, serverlessFile } from '../../scripts/lib/serverless-config.js';

type Template = { Resources: Record<string, { Type: string; Properties: any }> };

/** Packages `stage` into a fresh folder, from its own esbuild work folder (package deletes it
 *  when done, which must not pull bundles from under anyone else's build). */
function packageStage(stage: string): string {
  const outDir = mkdtempSync(join(tmpdir(), `jinlin-package-${stage}-`));
  const result = spawnSync(
    process.execPath,
    [`${repoRoot}/node_modules/serverless/bin/serverless.js`, 'package', '--stage', stage, '--package', outDir],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      // No credentials at all: packaging must not need AWS.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, SLS_TELEMETRY_DISABLED: '1', JINLIN_ESBUILD_WORK_FOLDER: `.esbuild-package-test-${stage}-${process.pid}` },
      timeout: 180_000,
    },
  );
  assert.equal(result.status, 0, `serverless package --stage ${stage} failed:\n${result.stdout}\n${result.stderr}`);
  return outDir;
}

/** The repository modules and packages each function's bundle is made of, from its source map. */
function modulesByFunction(outDir: string): Map<string, string[]> {
  return new Map(
    Object.keys(serverlessFile().functions).map((name) => {
      const map = readZip(join(outDir, `${name}.zip`)).find((entry) => entry.name.endsWith('.mjs.map'));
      assert.ok(map, `${name}.zip has no source map`);
      return [name, bundledModules(map.data().toString('utf8'))];
    }),
  );
}

describe('serverless package --stage prod', () => {
  let outDir: string;
  let template: Template;

  before(() => {
    outDir = packageStage('prod');
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

  test('the audit anchors’ bucket locks every object in COMPLIANCE mode, versioned, private and retained', () => {
    const buckets = ofType('AWS::S3::Bucket').filter(([name]) => name !== 'ServerlessDeploymentBucket');
    assert.deepEqual(buckets.map(([name]) => name), ['AuditAnchorBucket']);
    assert.equal((template.Resources.AuditAnchorBucket as any).DeletionPolicy, 'Retain');
    const p = buckets[0]![1].Properties;
    assert.equal(p.ObjectLockEnabled, true);
    assert.equal(p.ObjectLockConfiguration.Rule.DefaultRetention.Mode, 'COMPLIANCE');
    assert.ok(p.ObjectLockConfiguration.Rule.DefaultRetention.Days >= 1);
    assert.equal(p.VersioningConfiguration.Status, 'Enabled');
    assert.deepEqual(Object.values(p.PublicAccessBlockConfiguration), [true, true, true, true]);
  });

  test('IAM gives the functions only the table (and its indexes), their one secret, the audit anchors and the invoke of dayClose', () => {
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
    assert.ok(actions.every((action) => /^(dynamodb|logs|ssm|s3):/.test(action) || action === 'lambda:InvokeFunction'), actions.join(','));
    // 立即执行 invokes the day close's function, and no other.
    const invoke = statements.filter((statement) => statement.Action.some((action) => action.startsWith('lambda:')));
    assert.equal(invoke.length, 1);
    assert.deepEqual(invoke[0]!.Action, ['lambda:InvokeFunction']);
    assert.match(JSON.stringify(invoke[0]!.Resource), /:function:jinlin-prod-dayClose"/);
    // Anchors are written and read, never deleted nor unlocked, and only in their bucket.
    const bucketArn = { 'Fn::GetAtt': ['AuditAnchorBucket', 'Arn'] };
    for (const statement of statements.filter((st) => st.Action.some((action) => action.startsWith('s3:')))) {
      assert.ok(statement.Action.every((action) => ['s3:PutObject', 's3:GetObject', 's3:ListBucket'].includes(action)), statement.Action.join(','));
      assert.ok(
        JSON.stringify(statement.Resource) === JSON.stringify([bucketArn]) ||
          JSON.stringify(statement.Resource) === JSON.stringify([{ 'Fn::Join': ['', [bucketArn, '/*']] }]),
        JSON.stringify(statement.Resource),
      );
    }
    const ssm = statements.find((statement) => statement.Action.includes('ssm:GetParameter'));
    assert.match(JSON.stringify(ssm?.Resource), /parameter\/jinlin\/prod\/secrets/);
  });

  test('the prod stage uses real WeChat, gateways and SMS, secrets from SSM, no local secrets', () => {
    for (const [, fn] of ofType('AWS::Lambda::Function')) {
      const env = fn.Properties.Environment.Variables;
      // The prod build has no simulators: config.ts would refuse to start in simulator mode.
      assert.equal(env.WECHAT_MODE, 'real');
      assert.equal(env.CARD_GATEWAY_MODE, 'real');
      assert.equal(env.CREDIT_BUREAU_MODE, 'real');
      assert.equal(env.BILLER_GATEWAY_MODE, 'real');
      assert.equal(env.SMS_GATEWAY_MODE, 'real');
      assert.equal(env.SETTLEMENT_GATEWAY_MODE, 'real');
      // Partners' webhooks never reach a loopback address outside the local stage.
      assert.equal(env.ALLOW_LOOPBACK_WEBHOOKS, 'false');
      assert.equal(env.AUDIT_ANCHOR_MODE, 'real');
      assert.equal(env.DAY_CLOSE_TRIGGER_MODE, 'real');
      assert.equal(env.LAMBDA_ENDPOINT, '');
      assert.deepEqual(env.AUDIT_ANCHOR_BUCKET, { Ref: 'AuditAnchorBucket' });
      assert.equal(env.SECRETS_PARAMETER, '/jinlin/prod/secrets');
      assert.equal(env.JINLIN_JWT_SECRET, '');
      assert.equal(env.JINLIN_DATA_KEY, '');
      assert.equal(env.JINLIN_PIN_KEYS, '');
      assert.equal(env.JINLIN_PIN_KEY_ID, '');
      assert.equal(env.JINLIN_PAYMENT_NONCE_KEY, '');
      assert.equal(env.JINLIN_PIN_SM2_PRIVATE_KEY, '');
      assert.equal(env.JINLIN_PIN_SM2_PUBLIC_KEY, '');
      assert.equal(env.JINLIN_AUDIT_MAC_KEY, '');
      assert.equal(env.JINLIN_RECEIPT_KEYS, '');
      assert.equal(env.JINLIN_RECEIPT_KEY_ID, '');
      assert.equal(env.JINLIN_OPEN_PLATFORM_KEYS, '');
      assert.equal(env.JINLIN_OPEN_PLATFORM_KEY_SERIAL, '');
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

  test('the public receipt verification is throttled on its route', () => {
    const stages = ofType('AWS::ApiGatewayV2::Stage');
    assert.equal(stages.length, 1);
    const stage = stages[0]![1] as { Properties: any; DependsOn?: string[] };
    const verify = `${routes.verifyReceipt.method} ${routes.verifyReceipt.path}`;
    const settings = stage.Properties.RouteSettings?.[verify];
    assert.ok(settings?.ThrottlingRateLimit > 0 && settings.ThrottlingRateLimit <= 100, JSON.stringify(stage.Properties.RouteSettings));
    assert.ok(settings.ThrottlingBurstLimit >= settings.ThrottlingRateLimit);
    // The stage names the route only once the route exists.
    const routeId = ofType('AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties.RouteKey === verify)?.[0];
    assert.ok(routeId && stage.DependsOn?.includes(routeId), JSON.stringify(stage.DependsOn));
  });

  test('each function is packaged on its own and stays well under the Lambda size limit', (t) => {
    // documents carries the PDF font beside its bundle (Noto Sans SC, ~6 MB zipped).
    const limitBytes = (name: string) => (name === 'documents' ? 10 : 5) * 1024 * 1024;
    for (const name of Object.keys(serverlessFile().functions)) {
      const sizeBytes = statSync(join(outDir, `${name}.zip`)).size;
      t.diagnostic(`${name}.zip ${(sizeBytes / 1024).toFixed(0)} KB (zipped, with source map)`);
      assert.ok(sizeBytes < limitBytes(name), `${name}.zip is ${sizeBytes} bytes`);
    }
  });

  test('the PDF engine and its font are packed beside the documents bundle, and in no other function', () => {
    for (const name of Object.keys(serverlessFile().functions)) {
      const files = readZip(join(outDir, `${name}.zip`)).map((entry) => entry.name).filter((file) => /\.(pdf-engine\.mjs|ttf)$/.test(file));
      assert.deepEqual(files, name === 'documents' ? ['functions/http/documents.noto-sans-sc.ttf', 'functions/http/documents.pdf-engine.mjs'] : [], name);
    }
  });

  test('no bundle carries a simulator or fault injection, the simulator function included', () => {
    for (const [name, modules] of modulesByFunction(outDir)) {
      assert.ok(modules.includes('functions/config.ts'), `${name}: the source map names no module of ours: ${modules.slice(0, 5).join(', ')}`);
      assert.deepEqual(testDoublesIn(modules), [], `${name} carries test doubles`);
    }
  });

  test('meta serves the OpenAPI document generated at build time: byte for byte what openApiDocument() makes', () => {
    const entries = readZip(join(outDir, 'meta.zip'));
    const modules = bundledModules(entries.find((entry) => entry.name.endsWith('.mjs.map'))!.data().toString('utf8'));
    // The bundle holds the document, not what generates it.
    assert.ok(!modules.some((module) => module.endsWith('zod/v4/core/to-json-schema.js')), modules.join(', '));
    assert.ok(!modules.includes('functions/contract/routes.ts'), modules.join(', '));
    const dir = mkdtempSync(join(tmpdir(), 'jinlin-meta-bundle-'));
    // The Lambda runtime provides the AWS SDK; here it comes from the repository's node_modules.
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const file = join(dir, 'meta.mjs');
    writeFileSync(file, entries.find((entry) => entry.name.endsWith('.mjs'))!.data());
    const path = routes.openapi.path;
    const event = {
      version: '2.0',
      routeKey: `GET ${path}`,
      rawPath: path,
      rawQueryString: '',
      headers: {},
      requestContext: { http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' }, requestId: 'openapi', routeKey: `GET ${path}`, stage: '$default' },
      isBase64Encoded: false,
    };
    // In a process of its own, as on Lambda: zod's schema registry is global to a process.
    const script = `const { handler } = await import(process.env.BUNDLE);
      const served = await handler(JSON.parse(process.env.EVENT), { functionName: 'meta', awsRequestId: 'openapi', getRemainingTimeInMillis: () => 10000 });
      process.stdout.write(JSON.stringify(served));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { PATH: process.env.PATH, AWS_REGION: 'cn-north-1', BUNDLE: pathToFileURL(file).href, EVENT: JSON.stringify(event) },
    });
    assert.equal(result.status, 0, result.stderr);
    const served = JSON.parse(result.stdout) as { statusCode: number; body: string };
    assert.equal(served.statusCode, 200, served.body);
    assert.ok(served.body === JSON.stringify(openApiDocument()), 'the served document differs from the generated one');
  });
});

describe('serverless package --stage local', () => {
  let modules: Map<string, string[]>;

  before(() => {
    modules = modulesByFunction(packageStage('local'));
  });

  test('carries the test doubles the prod check looks for: fault injection everywhere, each simulator where it is used', () => {
    const doubles = (name: string) => testDoublesIn(modules.get(name)!);
    for (const name of modules.keys()) assert.ok(doubles(name).includes('functions/store/faults.ts'), `${name}: ${doubles(name).join(', ')}`);
    const simulatorUsedBy = { account: 'card-gateway', loanOrigination: 'credit-bureau', bills: 'biller-gateway', auth: 'wechat', staffPoster: 'wechat-codes', pinReset: 'sms' };
    for (const [name, simulator] of Object.entries(simulatorUsedBy)) {
      assert.ok(doubles(name).includes(`functions/adapters/simulators/${simulator}.ts`), `${name}: ${doubles(name).join(', ')}`);
    }
    // One loader per simulator: only the poster function bundles the QR encoder's simulator.
    const withCodes = [...modules.keys()].filter((name) => doubles(name).includes('functions/adapters/simulators/wechat-codes.ts'));
    assert.deepEqual(withCodes, ['staffPoster']);
  });
});

describe('a build without test doubles (esbuild define as for prod)', () => {
  let configModule: string;

  before(async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'jinlin-config-prod-'));
    configModule = join(outDir, 'config.mjs');
    await build({
      entryPoints: [join(repoRoot, 'functions/config.ts')],
      outfile: configModule,
      bundle: true,
      format: 'esm',
      platform: 'node',
      define: esbuildDefine('prod'),
      logLevel: 'warning',
    });
  });

  /** What config() does in a fresh process with `env`: 'ok' or its error message. */
  const configWith = (env: Record<string, string>) => {
    const script = 'const { config } = await import(process.env.CONFIG_MODULE); try { config(); console.log("ok"); } catch (error) { console.log(error.message); }';
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, CONFIG_MODULE: pathToFileURL(configModule).href, TABLE_NAME: 'jinlin-prod', ...env },
    });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.trim();
  };
  const real = { WECHAT_MODE: 'real', CARD_GATEWAY_MODE: 'real', CREDIT_BUREAU_MODE: 'real', BILLER_GATEWAY_MODE: 'real', SMS_GATEWAY_MODE: 'real', SETTLEMENT_GATEWAY_MODE: 'real', AUDIT_ANCHOR_MODE: 'real', DAY_CLOSE_TRIGGER_MODE: 'real' };

  test('refuses to start configured for a simulator or for fault injection', () => {
    assert.equal(configWith(real), 'ok');
    assert.match(configWith({ ...real, BILLER_GATEWAY_MODE: 'simulator' }), /^BILLER_GATEWAY_MODE=simulator: this build carries no simulators/);
    assert.match(configWith({ ...real, JINLIN_FAULTS: 'throttle:0.1' }), /^JINLIN_FAULTS: this build carries no simulators or fault injection/);
    // Unset modes default to the simulator, which such a build refuses too.
    assert.match(configWith({}), /^WECHAT_MODE=simulator, CARD_GATEWAY_MODE=simulator, CREDIT_BUREAU_MODE=simulator, BILLER_GATEWAY_MODE=simulator, SMS_GATEWAY_MODE=simulator, SETTLEMENT_GATEWAY_MODE=simulator, AUDIT_ANCHOR_MODE=simulator, DAY_CLOSE_TRIGGER_MODE=simulator:/);
  });
});
