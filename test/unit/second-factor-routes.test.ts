// The nonce issuer's list of second-factor paths is exactly the contract's flagged routes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { routes } from '../../functions/contract/routes.js';
import { SECOND_FACTOR_ROUTES, secondFactorRouteOf } from '../../functions/contract/second-factor-routes.js';

test('every route flagged secondFactor is listed under its name and path, and nothing else is', () => {
  const flagged = Object.fromEntries(
    Object.entries(routes)
      .filter(([, spec]) => 'secondFactor' in spec && spec.secondFactor)
      .map(([name, spec]) => [name, spec.path]),
  );
  assert.deepEqual(SECOND_FACTOR_ROUTES, flagged);
});

test('a concrete path finds its route and path parameters; other paths and near misses find none', () => {
  assert.deepEqual(secondFactorRouteOf('/v1/account/transfer'), { route: 'transfer', params: {} });
  assert.deepEqual(secondFactorRouteOf('/v1/loans/L123_abc/repayments'), { route: 'repay', params: { loanId: 'L123_abc' } });
  assert.deepEqual(secondFactorRouteOf('/v1/loans'), { route: 'drawdown', params: {} });
  for (const path of ['/v1/account', '/v1/loans/L1/repayments/x', '/v1/loans//repayments', '/v1/account/transfer/', '/v1/bill-payees/a.b/auto-pay']) {
    assert.equal(secondFactorRouteOf(path), undefined, path);
  }
});
