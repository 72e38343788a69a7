// Item 6 — scale on paper: DynamoDB capacity per money movement (from the items the run's
// transactions actually wrote), the per-item and per-partition ceilings, Lambda concurrency, and
// a monthly bill at list prices. Every traffic figure is an assumption, stated as one.
import type { Profile } from './ledger.js';

/** us-east-1 list prices (on-demand DynamoDB after the November 2024 reduction). */
export const PRICES = {
  region: 'us-east-1',
  dynamoWriteRequestUnitPerMillion: 0.625,
  dynamoReadRequestUnitPerMillion: 0.125,
  dynamoStorageGbMonth: 0.25,
  dynamoPitrGbMonth: 0.2,
  lambdaArmGbSecond: 0.0000133334,
  lambdaRequestsPerMillion: 0.2,
  httpApiRequestsPerMillion: 1.0,
  logsIngestionPerGb: 0.5,
  logsStorageGbMonth: 0.03,
} as const;

export const ASSUMPTIONS = {
  customers: 1_000_000,
  peakPaymentsPerSecond: 100,
  paymentsPerCustomerPerMonth: 10,
  otherRequestsPerCustomerPerMonth: 30,
  /** Sign-in, /me, balance, history, payee look-ups: mostly single reads. */
  otherRequestReadUnits: 3,
  otherRequestWriteUnits: 1,
  otherRequestMs: 60,
  /** Lambda gives a function one full vCPU at 1,769 MB and CPU in proportion below that. */
  fullVcpuMemoryMb: 1769,
  /** serverless.yml: the money-moving functions (account, loans, wealth, bills) get one full vCPU … */
  paymentLambdaMemoryMb: 1769,
  /** … the others the provider's default. */
  otherLambdaMemoryMb: 512,
  dynamoCallMsOnAws: 6,
  /** Journal + postings + index overhead (100 bytes per item) per movement. */
  storedKbPerPayment: 1.3,
  storedKbPerCustomer: 2,
  logKbPerRequest: 0.5,
  monthsOfHistory: 12,
  houseShards: 16,
  maxHouseShards: 64,
} as const;

export interface CapacityModel {
  perMovement: { operation: string; transactItems: number; transactWcu: number; standardWcu: number; reads: number; totalWru: number; ownMs: number; roundTrips: number }[];
  planningOperation: string;
  planningWru: number;
  planningRru: number;
  peakWruPerSecond: number;
  peakRruPerSecond: number;
  lambdaMsPerPayment: number;
  peakConcurrency: number;
  monthly: { item: string; usage: string; usd: number }[];
  totalUsd: number;
}

export function capacityModel(profiles: Profile[]): CapacityModel {
  const perMovement = profiles.map((p) => {
    const transactWcu = p.transactItems.reduce((sum, item) => sum + item.wcu, 0);
    const standardWcu = p.standardWrites.reduce((sum, w) => sum + w.wcu, 0);
    return {
      operation: p.operation,
      transactItems: p.transactItems.length,
      transactWcu,
      standardWcu,
      reads: p.itemsRead,
      totalWru: transactWcu + standardWcu,
      ownMs: p.ownMs,
      roundTrips: p.roundTrips,
    };
  });
  // Plan with the heaviest movement measured (a bill payment: hold and settlement transactions).
  const heaviest = perMovement.reduce((a, b) => (b.totalWru > a.totalWru ? b : a));
  const a = ASSUMPTIONS;
  const planningWru = heaviest.totalWru;
  const planningRru = heaviest.reads; // strongly consistent reads of items ≤ 4 KB: 1 RRU each
  const cpuShare = Math.min(1, a.paymentLambdaMemoryMb / a.fullVcpuMemoryMb);
  // The handler's own time as measured here (one core), scaled to the function's CPU share, plus
  // each sequential round trip at DynamoDB's in-region latency.
  const lambdaMsPerPayment = heaviest.ownMs / cpuShare + heaviest.roundTrips * a.dynamoCallMsOnAws;
  const peakConcurrency = (a.peakPaymentsPerSecond * lambdaMsPerPayment) / 1000;

  const payments = a.customers * a.paymentsPerCustomerPerMonth;
  const others = a.customers * a.otherRequestsPerCustomerPerMonth;
  const requests = payments + others;
  const wru = payments * planningWru + others * a.otherRequestWriteUnits;
  const rru = payments * planningRru + others * a.otherRequestReadUnits;
  const storedGb = (payments * a.monthsOfHistory * a.storedKbPerPayment + a.customers * a.storedKbPerCustomer) / 1024 / 1024;
  const gbSeconds = ((a.paymentLambdaMemoryMb / 1024) * payments * lambdaMsPerPayment + (a.otherLambdaMemoryMb / 1024) * others * a.otherRequestMs) / 1000;
  const logGb = (requests * a.logKbPerRequest) / 1024 / 1024;
  const p = PRICES;
  const m = (n: number) => `${(n / 1e6).toFixed(0)} M`;
  const monthly = [
    { item: 'DynamoDB writes (on-demand)', usage: `${m(wru)} WRU`, usd: (wru / 1e6) * p.dynamoWriteRequestUnitPerMillion },
    { item: 'DynamoDB reads (on-demand, strongly consistent)', usage: `${m(rru)} RRU`, usd: (rru / 1e6) * p.dynamoReadRequestUnitPerMillion },
    { item: `DynamoDB storage after ${a.monthsOfHistory} months`, usage: `${storedGb.toFixed(0)} GB`, usd: storedGb * p.dynamoStorageGbMonth },
    { item: 'DynamoDB point-in-time recovery', usage: `${storedGb.toFixed(0)} GB`, usd: storedGb * p.dynamoPitrGbMonth },
    { item: 'Lambda requests', usage: m(requests), usd: (requests / 1e6) * p.lambdaRequestsPerMillion },
    { item: `Lambda duration (arm64, ${a.paymentLambdaMemoryMb} MB payments, ${a.otherLambdaMemoryMb} MB others)`, usage: `${(gbSeconds / 1e6).toFixed(2)} M GB-s`, usd: gbSeconds * p.lambdaArmGbSecond },
    { item: 'API Gateway HTTP API', usage: m(requests), usd: (requests / 1e6) * p.httpApiRequestsPerMillion },
    { item: 'CloudWatch Logs (ingestion + 180 days kept)', usage: `${logGb.toFixed(0)} GB/month`, usd: logGb * p.logsIngestionPerGb + logGb * 6 * p.logsStorageGbMonth },
  ];
  return {
    perMovement,
    planningOperation: heaviest.operation,
    planningWru,
    planningRru,
    peakWruPerSecond: a.peakPaymentsPerSecond * planningWru,
    peakRruPerSecond: a.peakPaymentsPerSecond * planningRru,
    lambdaMsPerPayment,
    peakConcurrency,
    monthly,
    totalUsd: monthly.reduce((sum, row) => sum + row.usd, 0),
  };
}
