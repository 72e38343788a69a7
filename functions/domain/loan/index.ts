// The loan rules, pure and free of I/O: import from here.
export * from './apr.js';
export * from './business-licence.js';
export * from './calculator.js';
export * from './dates.js';
export * from './decision.js';
export * from './deferral.js';
export * from './overdue.js';
export * from './payoff.js';
export * from './prepayment.js';
export * from './pricing.js';
export * from './product.js';
export * from './repayment.js';
export * from './schedule.js';
export * from './state.js';
export { formatRateBps, formatYuan } from '../format.js';
