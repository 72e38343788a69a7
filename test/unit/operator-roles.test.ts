// The role → permission table: every permission is somebody's, every role can sign in, the
// administrator alone manages operators, the auditor only reads, and every console route in the
// contract names a permission that exists and that some role has.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { routes, type RouteSpec } from '../../functions/contract/routes.js';
import { OPERATOR_ROLE_LABELS, OPERATOR_ROLES, PERMISSION_NAMES, PERMISSIONS, permissionsOf, ROLE_PERMISSIONS } from '../../functions/domain/operator-roles.js';

const holders = (permission: string) => OPERATOR_ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission as never));

test('the six roles of the issue, each with a Chinese label and a known, duplicate-free permission list including console.me', () => {
  assert.deepEqual([...OPERATOR_ROLES], ['PRODUCT_MANAGER', 'RISK_OFFICER', 'OPERATIONS', 'CUSTOMER_SERVICE', 'AUDITOR', 'ADMIN']);
  for (const role of OPERATOR_ROLES) {
    assert.match(OPERATOR_ROLE_LABELS[role], /^[\u4e00-\u9fa5]{2,4}$/);
    const granted = ROLE_PERMISSIONS[role];
    assert.equal(new Set(granted).size, granted.length, `${role} lists a permission twice`);
    for (const permission of granted) assert.ok(PERMISSION_NAMES.includes(permission), `${role}: ${permission}`);
    assert.ok(granted.includes('console.me'), `${role} cannot sign in`);
  }
});

test('every permission is described in Chinese and granted to some role', () => {
  for (const permission of PERMISSION_NAMES) {
    assert.match(PERMISSIONS[permission], /[\u4e00-\u9fa5]/);
    assert.ok(holders(permission).length > 0, `nobody has ${permission}`);
  }
});

test('separation of duties in the table', () => {
  assert.deepEqual(holders('operators.manage'), ['ADMIN']);
  assert.deepEqual(holders('staff.manage'), ['ADMIN']);
  // The administrator manages people, not products or money.
  for (const permission of ROLE_PERMISSIONS.ADMIN) assert.ok(!/^(products|accounts|customers|dayclose|reconciliation)\./.test(permission), permission);
  // The auditor reads.
  for (const permission of ROLE_PERMISSIONS.AUDITOR) assert.ok(/^(console\.me|[a-z]+(\.[a-z]+)?\.read)$/.test(permission), `AUDITOR: ${permission}`);
  // Two product managers can be maker and checker; customer service cannot approve an unfreeze.
  assert.ok(ROLE_PERMISSIONS.PRODUCT_MANAGER.includes('products.draft') && ROLE_PERMISSIONS.PRODUCT_MANAGER.includes('products.approve'));
  assert.ok(!ROLE_PERMISSIONS.CUSTOMER_SERVICE.includes('accounts.unfreeze.approve'));
  assert.ok(holders('customers.reveal').every((role) => ROLE_PERMISSIONS[role].includes('customers.read')));
  // Complaints: customer service reads and answers, auditors only read.
  assert.deepEqual(holders('complaints.answer'), ['CUSTOMER_SERVICE']);
  assert.deepEqual(holders('complaints.read'), ['CUSTOMER_SERVICE', 'AUDITOR']);
  // Risk officers write the anti-fraud rules and approve each other's; the auditor reads them.
  assert.deepEqual(holders('risk.rules.draft'), ['RISK_OFFICER']);
  assert.deepEqual(holders('risk.rules.approve'), ['RISK_OFFICER']);
  assert.deepEqual(holders('risk.rules.read'), ['RISK_OFFICER', 'AUDITOR']);
  assert.deepEqual(holders('aml.alerts.read'), ['RISK_OFFICER', 'AUDITOR']);
  assert.deepEqual(holders('aml.alerts.work'), ['RISK_OFFICER']);
  // 差错调整: customer service proposes, operations (who keep the books) approve — no role does both,
  // and the approvers can read the change they approve.
  assert.deepEqual(holders('corrections.propose'), ['CUSTOMER_SERVICE']);
  assert.deepEqual(holders('corrections.approve'), ['OPERATIONS']);
  assert.ok(holders('corrections.approve').every((role) => ROLE_PERMISSIONS[role].includes('changes.read')));
  // Reconciliation: operations acts on mismatches, auditors read them and the report.
  assert.deepEqual(holders('reconciliation.manage'), ['OPERATIONS']);
  assert.deepEqual(holders('reconciliation.read'), ['OPERATIONS', 'AUDITOR']);
  assert.ok(holders('reconciliation.manage').every((role) => ROLE_PERMISSIONS[role].includes('reconciliation.read')));
});

test('permissionsOf: the union of the roles, in the table\'s order, once each', () => {
  assert.deepEqual(permissionsOf([]), []);
  assert.deepEqual(permissionsOf(['AUDITOR']), ['console.me', 'audit.read', 'changes.read', 'products.read', 'dayclose.read', 'reconciliation.read', 'dashboards.read', 'complaints.read', 'risk.rules.read', 'aml.alerts.read', 'partners.read']);
  const both = permissionsOf(['CUSTOMER_SERVICE', 'RISK_OFFICER', 'CUSTOMER_SERVICE']);
  assert.equal(new Set(both).size, both.length);
  assert.deepEqual(both, PERMISSION_NAMES.filter((p) => ROLE_PERMISSIONS.CUSTOMER_SERVICE.includes(p) || ROLE_PERMISSIONS.RISK_OFFICER.includes(p)));
});

test('every console route names a permission some role has; no other route names one', () => {
  let consoleRoutes = 0;
  for (const [name, spec] of Object.entries(routes) as [string, RouteSpec][]) {
    if (spec.auth !== 'console') {
      assert.equal(spec.permission, undefined, name);
      continue;
    }
    consoleRoutes++;
    assert.ok(spec.permission && PERMISSION_NAMES.includes(spec.permission), `${name}: ${spec.permission}`);
    assert.ok(holders(spec.permission).length > 0, `${name}: nobody may call it`);
    assert.match(spec.path, /^\/v1\/console\//, name);
  }
  assert.ok(consoleRoutes >= 2);
});
