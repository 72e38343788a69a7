// `npm run operator:create -- --stage <stage> --login <login> --name <姓名> [--role ADMIN]`: creates
// a console operator directly in a stage's table — how a stage gets its first ADMIN (who then
// creates the others in the console). The secrets come the way the functions read them: on AWS the
// stage's SSM parameter (/jinlin/<stage>/secrets; run under a role that may read it and write the
// table, with AWS_REGION set), on the local stage serverless.yml's dev secrets and DynamoDB Local.
// The password is JINLIN_OPERATOR_PASSWORD, or a random one printed once; the authenticator's
// otpauth:// URI is printed once (enrol it, then clear the terminal). The creation is an entry of
// the audit log by system/bootstrap.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { resetConfigForTests } from '../functions/config.js';
import { OPERATOR_ROLES, type OperatorRole } from '../functions/domain/operator-roles.js';
import { resetSecretsForTests } from '../functions/secrets.js';
import { recordAudit } from '../functions/services/audit.js';
import { createOperator } from '../functions/services/operators.js';
import { localSecretsEnv, repoRoot } from './lib/serverless-config.js';

const USAGE = 'usage: npm run operator:create -- --stage <stage> --login <login> --name <姓名> [--role ADMIN]';

function useStage(stage: string): void {
  if (stage === 'local') {
    Object.assign(process.env, {
      STAGE: 'local',
      TABLE_NAME: process.env.JINLIN_TABLE_NAME ?? 'jinlin-local',
      DYNAMODB_ENDPOINT: process.env.JINLIN_DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000',
      AUDIT_ANCHOR_DIR: process.env.JINLIN_AUDIT_ANCHOR_DIR ?? `${repoRoot}/.data/dynamodb/audit-anchors`,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'CRITICAL',
      ...localSecretsEnv(),
    });
  } else {
    // As serverless.yml names them for every stage.
    Object.assign(process.env, {
      STAGE: stage,
      TABLE_NAME: process.env.TABLE_NAME ?? `jinlin-${stage}`,
      SECRETS_PARAMETER: process.env.SECRETS_PARAMETER ?? `/jinlin/${stage}/secrets`,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'CRITICAL',
    });
  }
  resetConfigForTests();
  resetSecretsForTests();
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { stage: { type: 'string' }, login: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', multiple: true } } });
  const roles = (values.role ?? ['ADMIN']) as OperatorRole[];
  if (!values.stage || !values.login || !values.name || roles.some((role) => !OPERATOR_ROLES.includes(role))) {
    console.error(`${USAGE}\n  roles: ${OPERATOR_ROLES.join(', ')}`);
    return 2;
  }
  useStage(values.stage);
  const given = process.env.JINLIN_OPERATOR_PASSWORD;
  const password = given ?? randomBytes(18).toString('base64url');
  const now = new Date();
  const { operator, otpauthUri } = await createOperator({ login: values.login, displayName: values.name, roles, password }, now);
  const { operatorId, login, displayName } = operator;
  await recordAudit(
    { actor: { kind: 'system', id: 'bootstrap' }, action: 'operator.create', target: { kind: 'operator', id: operatorId }, after: { login, displayName, roles, status: operator.status } },
    now,
  );
  console.log(`[operator] ${login} (${displayName}, ${roles.join(', ')}) created on ${values.stage} as ${operatorId}; recorded in the audit log`);
  if (!given) console.log(`[operator] initial password (shown once): ${password}`);
  console.log(`[operator] enrol this in the operator's authenticator app (shown once): ${otpauthUri}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[operator] not created: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
