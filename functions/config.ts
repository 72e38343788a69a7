// Runtime configuration, read once from the environment that serverless.yml sets per stage.
// Secrets come from the environment locally; on AWS they come from SSM Parameter Store (see
// secrets.ts), never from the deployment package.
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { DEFAULT_COMPLAINT_RESPONSE_DAYS } from './domain/complaints.js';
import { lazySchema } from './domain/lazy-schema.js';
import { MAX_STATIC_CODE_DAILY_FEN } from './domain/limits.js';

// zod/mini loads no message locale; English messages for what reaches the logs (customers see
// the route's own Chinese message, http/route.ts). Every function reads config(), so all get it.
z.config(en());

// An empty variable (serverless.yml's '' default) means unset.
const optional = <T extends z.ZodMiniType>(schema: T) => z.pipe(z.transform((value: unknown) => (value === '' ? undefined : value)), z.optional(schema));

const Env = /* @__PURE__ */ lazySchema(() =>
  z.object({
    STAGE: z._default(z.string().check(z.minLength(1)), 'local'),
    TABLE_NAME: z.string().check(z.minLength(3), z.maxLength(255)),
    DYNAMODB_ENDPOINT: optional(z.url()),
    WECHAT_MODE: z._default(z.enum(['simulator', 'real']), 'simulator'),
    WECHAT_APPID: z._default(z.string(), 'wx-simulator'),
    CARD_GATEWAY_MODE: z._default(z.enum(['simulator', 'real']), 'simulator'),
    CARD_GATEWAY_URL: optional(z.url()),
    CREDIT_BUREAU_MODE: z._default(z.enum(['simulator', 'real']), 'simulator'),
    CREDIT_BUREAU_URL: optional(z.url()),
    BILLER_GATEWAY_MODE: z._default(z.enum(['simulator', 'real']), 'simulator'),
    BILLER_GATEWAY_URL: optional(z.url()),
    SMS_GATEWAY_MODE: z._default(z.enum(['simulator', 'real']), 'simulator'),
    SMS_GATEWAY_URL: optional(z.url()),
    /** The settlement gateway (清算通道) that pays merchants at other banks and confirms who holds
     *  an account there (adapters/settlement-gateway.ts). */
    SETTLEMENT_GATEWAY_MODE: z._default(z.enum(['simulator', 'real']), 'simulator'),
    SETTLEMENT_GATEWAY_URL: optional(z.url()),
    SECRETS_PARAMETER: optional(z.string()),
    ACCESS_TOKEN_MINUTES: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(60)), 15),
    REFRESH_TOKEN_DAYS: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(90)), 30),
    PIN_MAX_ATTEMPTS: z._default(z.coerce.number().check(z.int(), z.minimum(3), z.maximum(10)), 5),
    PIN_LOCK_MINUTES: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(7 * 24 * 60)), 24 * 60),
    CLASS2_NONBOUND_DAILY_FEN: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 1_000_000),
    CLASS2_NONBOUND_YEARLY_FEN: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 20_000_000),
    /** Payments to merchants by code or order (条码支付) per customer and day, as strongly as they
     *  are verified (PBoC Yinfa [2017] No. 296): the PIN or a biometric on the customer's own
     *  device are two factors, which allow at most 5,000 yuan a day. */
    CODE_PAY_DAILY_FEN: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(500_000)), 500_000),
    /** Payments through merchants' static codes (收款码, the customer enters the amount) per customer
     *  and day: at most 500 yuan whatever the verification (PBoC Yinfa [2017] No. 296). They count
     *  against CODE_PAY_DAILY_FEN too. */
    STATIC_CODE_DAILY_FEN: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(MAX_STATIC_CODE_DAILY_FEN)), MAX_STATIC_CODE_DAILY_FEN),
    /** Days after a payment to a community merchant within which its partner may refund it. */
    REFUND_WINDOW_DAYS: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(365)), 180),
    MAX_SINGLE_AMOUNT_FEN: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000_000)), 50_000_000),
    HOUSE_SHARDS: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(64)), 16),
    /** Relationship managers: how long a share-link visit can still bind a customer (first touch). */
    RM_ATTRIBUTION_WINDOW_DAYS: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(365)), 30),
    /** Where the bank serves the H5 build, for share links; none in a WeChat-only deployment. */
    H5_ORIGIN: optional(z.url()),
    /** How long a wealth risk assessment stays valid before the customer must retake it. */
    WEALTH_RISK_VALIDITY_MONTHS: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(36)), 12),
    /** Money-market fast (T+0) redemption cap per customer, product and business date: 10,000
     *  yuan (PBoC/CSRC 2018 rule on T+0 redemption of money-market funds). */
    WEALTH_FAST_REDEEM_DAILY_FEN: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(100_000_000)), 1_000_000),
    /** Years a closed account's identity and transaction records are kept after the relationship
     *  ends: at least 10 under the PRC Anti-Money Laundering Law as revised in 2024 (in force
     *  1 January 2025); domain/account-closure.ts. */
    ACCOUNT_RECORDS_RETENTION_YEARS: z._default(z.coerce.number().check(z.int(), z.minimum(10), z.maximum(100)), 10),
    /** Days the bank has to answer a complaint: at most what the rule allows (domain/complaints.ts). */
    COMPLAINT_RESPONSE_DAYS: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(DEFAULT_COMPLAINT_RESPONSE_DAYS)), DEFAULT_COMPLAINT_RESPONSE_DAYS),
    /** Where the audit log's head is anchored at each day close (adapters/audit-anchor.ts): a
     *  local folder (simulator) or an S3 bucket with Object Lock (real). */
    AUDIT_ANCHOR_MODE: z._default(z.enum(['simulator', 'real']), 'simulator'),
    /** Simulator: the folder (relative to the working directory, or absolute); the OS temp dir's
     *  jinlin-audit-anchors when unset. Each table's anchors go in a folder of its name. */
    AUDIT_ANCHOR_DIR: optional(z.string()),
    AUDIT_ANCHOR_BUCKET: optional(z.string()),
    /** Real: days each anchor is locked in COMPLIANCE mode (nobody, root included, can delete it). */
    AUDIT_ANCHOR_RETENTION_DAYS: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(36_500)), 3_650),
    /** How 立即执行 starts the day close (adapters/day-close-trigger.ts): an asynchronous invoke of
     *  the dayClose function (real; serverless offline's Lambda endpoint locally), or the job's
     *  handler in this process (simulator: in-process tests, which have no Lambda service). */
    DAY_CLOSE_TRIGGER_MODE: z._default(z.enum(['simulator', 'real']), 'simulator'),
    /** Real: the dayClose function's name (service-stage-function, as serverless names it). */
    DAY_CLOSE_FUNCTION: optional(z.string().check(z.maxLength(140))),
    /** The Lambda API's endpoint: serverless offline's on the local stage; unset on AWS. */
    LAMBDA_ENDPOINT: optional(z.url()),
    LOG_LEVEL: z._default(z.string(), 'INFO'),
    /** Local and test stages only: operators may move the business date (to exercise overdue). */
    ALLOW_CLOCK_CONTROL: z._default(z.stringbool(), false),
    /** Whether a partner's webhook URL may be loopback http (the local stage's partner simulator). */
    ALLOW_LOOPBACK_WEBHOOKS: z._default(z.stringbool(), false),
    /** Test harness only: DynamoDB faults to inject (see store/faults.ts). Honoured only together
     *  with DYNAMODB_ENDPOINT, i.e. never against real DynamoDB. */
    JINLIN_FAULTS: optional(z.string()),
  }),
);

export type Config = z.infer<typeof Env>;

declare const __JINLIN_TEST_DOUBLES__: boolean | undefined;
/** Whether this build carries the test doubles: the outside systems' simulators
 *  (adapters/simulators/) and DynamoDB fault injection (store/faults.ts). serverless.yml's esbuild
 *  `define` decides per stage (the local stage only); unbundled (tsx) they are always there. */
const testDoublesBundled: boolean = typeof __JINLIN_TEST_DOUBLES__ === 'undefined' || __JINLIN_TEST_DOUBLES__;

const SIMULATOR_MODES = ['WECHAT_MODE', 'CARD_GATEWAY_MODE', 'CREDIT_BUREAU_MODE', 'BILLER_GATEWAY_MODE', 'SMS_GATEWAY_MODE', 'SETTLEMENT_GATEWAY_MODE', 'AUDIT_ANCHOR_MODE', 'DAY_CLOSE_TRIGGER_MODE'] as const;

/** A build without test doubles refuses to start configured for one, rather than fail later on
 *  the first call that needs it. */
function refuseMissingTestDoubles(env: Config): Config {
  if (testDoublesBundled) return env;
  const asked = [...SIMULATOR_MODES.filter((name) => env[name] === 'simulator').map((name) => `${name}=simulator`), ...(env.JINLIN_FAULTS ? ['JINLIN_FAULTS'] : [])];
  if (asked.length > 0) {
    throw new Error(`${asked.join(', ')}: this build carries no simulators or fault injection (serverless.yml bundles them for the local stage only)`);
  }
  return env;
}

let cached: Config | undefined;

export function config(): Config {
  cached ??= refuseMissingTestDoubles(Env.parse(process.env));
  return cached;
}

/** Where a DynamoDB client connects: DynamoDB Local (which takes any credentials) when
 *  DYNAMODB_ENDPOINT is set, else the region's DynamoDB as the function's role. */
export function dynamoDbConnection(): DynamoDBClientConfig {
  const { DYNAMODB_ENDPOINT } = config();
  return DYNAMODB_ENDPOINT ? { endpoint: DYNAMODB_ENDPOINT, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {};
}

/** Tests point the code at another table; production never calls this. */
export function resetConfigForTests(): void {
  cached = undefined;
}
