// Runtime configuration, read once from the environment that serverless.yml sets per stage.
// Secrets come from the environment locally; on AWS they come from SSM Parameter Store (see
// secrets.ts), never from the deployment package.
import * as z from 'zod';

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const Env = z.object({
  STAGE: z.string().min(1).default('local'),
  TABLE_NAME: z.string().min(3).max(255),
  DYNAMODB_ENDPOINT: optional(z.url()),
  WECHAT_MODE: z.enum(['simulator', 'real']).default('simulator'),
  WECHAT_APPID: z.string().default('wx-simulator'),
  CARD_GATEWAY_MODE: z.enum(['simulator', 'real']).default('simulator'),
  CARD_GATEWAY_URL: optional(z.url()),
  CREDIT_BUREAU_MODE: z.enum(['simulator', 'real']).default('simulator'),
  CREDIT_BUREAU_URL: optional(z.url()),
  BILLER_GATEWAY_MODE: z.enum(['simulator', 'real']).default('simulator'),
  BILLER_GATEWAY_URL: optional(z.url()),
  SECRETS_PARAMETER: optional(z.string()),
  ACCESS_TOKEN_MINUTES: z.coerce.number().int().min(1).max(60).default(15),
  REFRESH_TOKEN_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  PIN_MAX_ATTEMPTS: z.coerce.number().int().min(3).max(10).default(5),
  PIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(24 * 60),
  CLASS2_NONBOUND_DAILY_FEN: z.coerce.number().int().min(0).default(1_000_000),
  CLASS2_NONBOUND_YEARLY_FEN: z.coerce.number().int().min(0).default(20_000_000),
  MAX_SINGLE_AMOUNT_FEN: z.coerce.number().int().min(1).max(100_000_000).default(50_000_000),
  HOUSE_SHARDS: z.coerce.number().int().min(1).max(64).default(16),
  /** Relationship managers: how long a share-link visit can still bind a customer (first touch). */
  RM_ATTRIBUTION_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Where the bank serves the H5 build, for share links; none in a WeChat-only deployment. */
  H5_ORIGIN: optional(z.url()),
  /** How long a wealth risk assessment stays valid before the customer must retake it. */
  WEALTH_RISK_VALIDITY_MONTHS: z.coerce.number().int().min(1).max(36).default(12),
  /** Money-market fast (T+0) redemption cap per customer, product and business date: 10,000
   *  yuan (PBoC/CSRC 2018 rule on T+0 redemption of money-market funds). */
  WEALTH_FAST_REDEEM_DAILY_FEN: z.coerce.number().int().min(0).max(100_000_000).default(1_000_000),
  LOG_LEVEL: z.string().default('INFO'),
  /** Local and test stages only: operators may move the business date (to exercise overdue). */
  ALLOW_CLOCK_CONTROL: z.stringbool().default(false),
  /** Test harness only: DynamoDB faults to inject (see store/faults.ts). Honoured only together
   *  with DYNAMODB_ENDPOINT, i.e. never against real DynamoDB. */
  JINLIN_FAULTS: optional(z.string()),
});

export type Config = z.infer<typeof Env>;

let cached: Config | undefined;

export function config(): Config {
  cached ??= Env.parse(process.env);
  return cached;
}

/** Tests point the code at another table; production never calls this. */
export function resetConfigForTests(): void {
  cached = undefined;
}
