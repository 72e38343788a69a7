// Billers (缴费机构) and staff (客户经理管理) through the console's functions, as API Gateway calls
// them: a biller opened, changed and closed by one product manager and approved by another — the
// customers' catalogue changes only on approval; a staff member created and deactivated by one
// administrator and approved by another (never by the maker; a product manager cannot), the
// binding code issued at once, audited without the code, shown once; the reconciliation report for
// operations; no route Scans the table; every step in the audit log.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { AuditEntry, ChainItem } from '../../functions/domain/audit-chain.js';
import { SEED_BILLERS } from '../../functions/domain/bills/biller.js';
import { billerDraftIssues } from '../../functions/contract/console-biller-schemas.js';
import { handler as bills } from '../../functions/http/bills.js';
import { handler as consoleBillers } from '../../functions/http/console-billers.js';
import { handler as consoleChanges } from '../../functions/http/console-changes.js';
import { handler as consoleStaff } from '../../functions/http/console-staff.js';
import { handler as staffHandler } from '../../functions/http/staff.js';
import { readAuditPage } from '../../functions/services/audit.js';
import { applyDueChanges } from '../../functions/services/change-requests.js';
import { saveReconciliation } from '../../functions/store/bills.js';
import { deactivateStaff, getStaff, insertStaff, newStaffId } from '../../functions/store/staff.js';
import { seedBills } from '../../scripts/lib/seed-bills.js';
import { call, type CallOptions, useBank } from '../support/bank.js';
import { recordCommands } from '../support/command-recorder.js';
import { expectError, expectOk } from '../support/expect.js';
import { newOperator, signInOperator } from '../support/operators.js';
import { loginCode } from '../support/rm.js';

useBank();

type Who = { token: string; operatorId: string; login: string };
let pm: Who;
let pm2: Who;
let admin: Who;
let admin2: Who;
let ops: Who;

async function operator(roles: Parameters<typeof newOperator>[0], name: string): Promise<Who> {
  const created = await newOperator(roles, name);
  return { token: (await signInOperator(created)).accessToken, operatorId: created.operatorId, login: created.login };
}

const as = (who: Who, handler: typeof consoleChanges, options: Omit<CallOptions, 'token'>) => call(handler, { ...options, token: who.token });
const decide = (who: Who, changeId: string, action: 'approve' | 'reject', body: object = {}) =>
  as(who, consoleChanges, { method: 'POST', path: `/v1/console/changes/${changeId}/${action}`, body });
const submitBiller = (who: Who, biller: object, effectiveAt?: string) =>
  as(who, consoleBillers, { method: 'POST', path: '/v1/console/billers/changes', body: { biller, ...(effectiveAt ? { effectiveAt } : {}) } });
const catalogue = async (city: string) => expectOk(await call(bills, { method: 'GET', path: '/v1/billers', query: { city } })).items.map((b: { billerId: string }) => b.billerId);
const staffPage = async (who: Who, query: Record<string, string> = {}) => expectOk(await as(who, consoleStaff, { method: 'GET', path: '/v1/console/staff', query }));

async function auditOf(kind: string, id: string): Promise<AuditEntry[]> {
  const { items } = await readAuditPage(undefined, 100);
  return items.filter((item: ChainItem): item is AuditEntry => !('unreadable' in item) && item.target.kind === kind && item.target.id === id).reverse();
}

let sequence = 0;
const uniqueNo = () => `B${Date.now().toString(36)}${(sequence += 1)}`.slice(0, 20);
const newStaff = (role: 'RELATIONSHIP_MANAGER' | 'BRANCH_LEAD' = 'RELATIONSHIP_MANAGER') => ({ name: '林晓', staffNo: uniqueNo(), branchId: 'NJ-GULOU', branchName: '南京鼓楼支行', role, workPhone: '13912345678' });

describe('billers and staff through the console', () => {
  before(async () => {
    await seedBills(new Date());
    [pm, pm2, admin, admin2, ops] = await Promise.all([
      operator(['PRODUCT_MANAGER'], '李娜'),
      operator(['PRODUCT_MANAGER'], '周洋'),
      operator(['ADMIN'], '钱敏'),
      operator(['ADMIN'], '孙强'),
      operator(['OPERATIONS'], '陈运营'),
    ]);
  });

  describe('缴费机构: open, change, close — four eyes', () => {
    const base = SEED_BILLERS.find((b) => b.billerId === 'nj-water')!;
    const opened = { ...base, billerId: 'yz-water', name: '扬州水务', city: { code: 'yangzhou', name: '扬州' } };

    test('a new biller reaches customers only when a second product manager approves it; closing it is a change too', async () => {
      const submitted = expectOk(await submitBiller(pm, opened));
      assert.deepEqual([submitted.kind, submitted.entityId, submitted.entityLabel, submitted.status, submitted.before], ['BILLER', 'biller:yz-water', '新增缴费机构 扬州水务', 'PENDING', null]);
      assert.deepEqual(await catalogue('yangzhou'), [], 'nothing is offered while the change waits');
      expectError(await submitBiller(pm2, { ...opened, name: '扬州自来水' }), 409, 'CHANGE_PENDING');
      expectError(await decide(pm, submitted.changeId, 'approve'), 403, 'SAME_OPERATOR');
      expectError(await decide(admin, submitted.changeId, 'approve'), 403, 'FORBIDDEN');
      assert.equal(expectOk(await decide(pm2, submitted.changeId, 'approve')).status, 'EFFECTIVE');
      assert.deepEqual(await catalogue('yangzhou'), ['yz-water']);

      const listed = expectOk(await as(pm, consoleBillers, { method: 'GET', path: '/v1/console/billers' })).billers;
      const row = listed.find((b: { billerId: string }) => b.billerId === 'yz-water');
      assert.deepEqual([row.name, row.categoryLabel, row.cityName, row.status, row.pendingChangeId], ['扬州水务', '水费', '扬州', 'ACTIVE', undefined]);
      const detail = expectOk(await as(pm2, consoleBillers, { method: 'GET', path: '/v1/console/billers/yz-water' }));
      assert.deepEqual(detail.current, opened);
      assert.equal(detail.lastChangeId, submitted.changeId);

      // Closing: status SUSPENDED, with the biller as it was before the change for the checker.
      const closing = expectOk(await submitBiller(pm2, { ...opened, status: 'SUSPENDED' }));
      assert.equal(closing.entityLabel, '暂停缴费机构 扬州水务');
      assert.deepEqual(closing.before, opened);
      const waiting = expectOk(await as(pm, consoleBillers, { method: 'GET', path: '/v1/console/billers/yz-water' }));
      assert.equal(waiting.pendingChange.changeId, closing.changeId);
      const diff = expectOk(await as(pm, consoleChanges, { method: 'GET', path: `/v1/console/changes/${closing.changeId}` })).diff;
      assert.deepEqual(diff, [{ path: 'status', before: 'ACTIVE', after: 'SUSPENDED' }]);
      assert.equal(expectOk(await decide(pm, closing.changeId, 'approve')).status, 'EFFECTIVE');
      assert.deepEqual(await catalogue('yangzhou'), []);
      expectError(await submitBiller(pm, { ...opened, status: 'SUSPENDED' }), 400, 'CHANGE_EMPTY');

      const audit = await auditOf('change', submitted.changeId);
      assert.deepEqual(audit.map((entry) => entry.action), ['change.submit', 'change.approve', 'change.apply']);
      assert.equal(audit[2]!.actor.id, pm2.operatorId);
    });

    test('a change due later applies at its time; an invalid draft is refused naming its fields, and the form reads the same refusals', async () => {
      const later = new Date(Date.now() + 3_600_000).toISOString();
      const renamed = { ...SEED_BILLERS.find((b) => b.billerId === 'wx-tuition')!, name: '无锡职业技术学院' };
      const submitted = expectOk(await submitBiller(pm, renamed, later));
      const approved = expectOk(await decide(pm2, submitted.changeId, 'approve'));
      assert.deepEqual([approved.status, approved.effectiveAt], ['APPROVED', later]);
      const now = expectOk(await as(pm, consoleBillers, { method: 'GET', path: '/v1/console/billers/wx-tuition' }));
      assert.equal(now.current.name, '无锡职业技术学院学费', 'unchanged until its time');
      assert.deepEqual(await applyDueChanges(new Date(Date.now() + 2 * 3_600_000)), { applied: 1, failed: 0 });
      const then = expectOk(await as(pm, consoleBillers, { method: 'GET', path: '/v1/console/billers/wx-tuition' }));
      assert.deepEqual([then.current.name, then.lastChangeId, then.pendingChange], ['无锡职业技术学院', submitted.changeId, undefined]);

      const bad = { ...opened, billerId: 'yz-gas', name: '', amountRule: { kind: 'AT_LEAST_BILL', minFen: 9_000, maxFen: 100 } };
      const refused = await submitBiller(pm, bad);
      expectError(refused, 400, 'VALIDATION_FAILED');
      assert.match(refused.body.error.message, /biller\.name/);
      assert.deepEqual(
        billerDraftIssues(bad).map((issue) => issue.path),
        ['name', 'amountRule'],
      );
      assert.match(billerDraftIssues(bad)[1]!.message, /最低不超过最高/);
      assert.deepEqual(billerDraftIssues(opened), []);
    });

    test('reading billers needs products.read, drafting products.draft', async () => {
      expectError(await as(ops, consoleBillers, { method: 'GET', path: '/v1/console/billers' }), 403, 'FORBIDDEN');
      expectError(await submitBiller(admin, opened), 403, 'FORBIDDEN');
      expectError(await as(pm, consoleBillers, { method: 'GET', path: '/v1/console/billers/no-such-biller' }), 404, 'BILLER_NOT_FOUND');
    });
  });

  describe('客户经理管理: create and deactivate — four eyes; binding codes at once', () => {
    test('a staff member exists only once a second administrator approves; the binding code is issued after, audited without the code, and binds once', async () => {
      const input = newStaff();
      const submitted = expectOk(await as(admin, consoleStaff, { method: 'POST', path: '/v1/console/staff/changes', body: { staff: input } }));
      assert.deepEqual([submitted.kind, submitted.entityId, submitted.entityLabel], ['STAFF_CREATE', `staff-no:${input.staffNo}`, `新建客户经理 林晓（${input.staffNo}）`]);
      const staffId: string = submitted.after.staffId;
      assert.match(staffId, /^S[0-9a-f]{32}$/);
      // The checker reads the work phone with the rest of the record.
      assert.equal(submitted.after.workPhone, '13912345678');
      assert.ok((await staffPage(admin)).pendingCreations.some((change: { changeId: string }) => change.changeId === submitted.changeId));
      expectError(await as(admin2, consoleStaff, { method: 'POST', path: '/v1/console/staff/changes', body: { staff: { ...input, name: '林晓明' } } }), 409, 'CHANGE_PENDING');
      expectError(await as(admin, consoleStaff, { method: 'POST', path: `/v1/console/staff/${staffId}/binding-code` }), 404, 'STAFF_NOT_FOUND');
      expectError(await decide(admin, submitted.changeId, 'approve'), 403, 'SAME_OPERATOR');
      expectError(await decide(pm, submitted.changeId, 'approve'), 403, 'FORBIDDEN');
      assert.equal(expectOk(await decide(admin2, submitted.changeId, 'approve')).status, 'EFFECTIVE');

      const row = (await staffPage(admin, { limit: '100' })).staff.find((member: { staffId: string }) => member.staffId === staffId);
      assert.deepEqual(
        [row.name, row.staffNo, row.branchName, row.roleLabel, row.status, row.wechatBound, row.workPhone],
        ['林晓', input.staffNo, '南京鼓楼支行', '客户经理', 'ACTIVE', false, '13912345678'],
      );
      expectError(await as(admin2, consoleStaff, { method: 'POST', path: '/v1/console/staff/changes', body: { staff: input } }), 409, 'STAFF_NO_IN_USE');

      const issued = expectOk(await as(admin, consoleStaff, { method: 'POST', path: `/v1/console/staff/${staffId}/binding-code` }));
      assert.match(issued.bindingCode, /^[A-HJ-KM-NP-Z2-9]{12}$/);
      const bound = expectOk(await call(staffHandler, { method: 'POST', path: '/v1/staff/bind', body: { code: await loginCode(`bs-${staffId}`), bindingCode: issued.bindingCode } }));
      assert.equal(bound.staff.staffId, staffId);
      // A second code unbinds that WeChat identity (a new phone); the first code is spent.
      const again = expectOk(await as(admin2, consoleStaff, { method: 'POST', path: `/v1/console/staff/${staffId}/binding-code` }));
      assert.notEqual(again.bindingCode, issued.bindingCode);
      assert.equal(again.staff.wechatBound, false);

      const audit = await auditOf('staff', staffId);
      assert.deepEqual(audit.map((entry) => [entry.action, entry.actor.id]), [['staff.binding-code', admin.operatorId], ['staff.binding-code', admin2.operatorId]]);
      assert.deepEqual(audit[1]!.before, { wechatBound: true, bindingCodePending: false });
      for (const entry of audit) {
        const written = JSON.stringify(entry);
        assert.ok(!written.includes(issued.bindingCode) && !written.includes(again.bindingCode), 'no binding code in the audit log');
      }
    });

    test('deactivation carries its reason to the checker; once approved the manager is refused at once; no second deactivation', async () => {
      const created = expectOk(await as(admin, consoleStaff, { method: 'POST', path: '/v1/console/staff/changes', body: { staff: newStaff('BRANCH_LEAD') } }));
      expectOk(await decide(admin2, created.changeId, 'approve'));
      const staffId: string = created.after.staffId;
      const { bindingCode } = expectOk(await as(admin, consoleStaff, { method: 'POST', path: `/v1/console/staff/${staffId}/binding-code` }));
      const user = `bs-lead-${staffId}`;
      const session = expectOk(await call(staffHandler, { method: 'POST', path: '/v1/staff/bind', body: { code: await loginCode(user), bindingCode } }));

      const leaving = expectOk(await as(admin2, consoleStaff, { method: 'POST', path: `/v1/console/staff/${staffId}/deactivation-changes`, body: { reason: '调往总行工作' } }));
      assert.equal(leaving.kind, 'STAFF_DEACTIVATE');
      assert.equal(leaving.entityLabel, `停用支行负责人 林晓（${created.after.staffNo}）`);
      const diff = expectOk(await as(admin, consoleChanges, { method: 'GET', path: `/v1/console/changes/${leaving.changeId}` })).diff;
      assert.deepEqual(diff, [{ path: 'reason', after: '调往总行工作' }, { path: 'status', before: 'ACTIVE', after: 'INACTIVE' }]);
      const listed = (await staffPage(admin, { limit: '100' })).staff.find((member: { staffId: string }) => member.staffId === staffId);
      assert.equal(listed.pendingChangeId, leaving.changeId);
      expectOk(await call(staffHandler, { method: 'GET', path: '/v1/staff/me', token: session.accessToken }));

      expectError(await decide(admin2, leaving.changeId, 'approve'), 403, 'SAME_OPERATOR');
      assert.equal(expectOk(await decide(admin, leaving.changeId, 'approve')).status, 'EFFECTIVE');
      expectError(await call(staffHandler, { method: 'GET', path: '/v1/staff/me', token: session.accessToken }), 401, 'STAFF_INACTIVE');
      expectError(await as(admin, consoleStaff, { method: 'POST', path: `/v1/console/staff/${staffId}/deactivation-changes`, body: { reason: '重复申请' } }), 422, 'STAFF_INACTIVE');
      expectError(await as(admin, consoleStaff, { method: 'POST', path: `/v1/console/staff/${staffId}/binding-code` }), 422, 'STAFF_INACTIVE');
      expectError(await as(admin, consoleStaff, { method: 'POST', path: `/v1/console/staff/S${'0'.repeat(32)}/deactivation-changes`, body: { reason: '员工离职' } }), 404, 'STAFF_NOT_FOUND');
    });

    test('a work phone is a mainland mobile or a landline with its area code: anything else, or none, is refused and nothing is submitted', async () => {
      const spaced = expectOk(await as(admin, consoleStaff, { method: 'POST', path: '/v1/console/staff/changes', body: { staff: { ...newStaff(), workPhone: ' 0571-8888 6666' } } }));
      assert.equal(spaced.after.workPhone, '0571-88886666');
      for (const [workPhone, message] of [
        ['12345678901', '手机号须为 11 位，第二位为 3–9'],
        ['88886666', '办公电话须为 11 位手机号或带区号的座机号（如 0571-88886666）'],
        ['', '请输入办公电话'],
      ] as const) {
        const input = { ...newStaff(), workPhone };
        const refused = await as(admin, consoleStaff, { method: 'POST', path: '/v1/console/staff/changes', body: { staff: input } });
        expectError(refused, 400, 'WORK_PHONE_INVALID');
        assert.equal(refused.body.error.message, message);
        assert.ok(!(await staffPage(admin)).pendingCreations.some((change: { entityId: string }) => change.entityId === `staff-no:${input.staffNo}`));
      }
      const { workPhone: _none, ...without } = newStaff();
      expectError(await as(admin, consoleStaff, { method: 'POST', path: '/v1/console/staff/changes', body: { staff: without } }), 400, 'VALIDATION_FAILED');
      expectError(await as(admin, consoleStaff, { method: 'POST', path: '/v1/console/staff/changes', body: { staff: { ...newStaff(), workPhone: '1'.repeat(21) } } }), 400, 'VALIDATION_FAILED');
    });

    test('a manager created before work phones were recorded is given one by one administrator and approved by another', async () => {
      const staffId = newStaffId();
      const { workPhone: _none, ...earlier } = newStaff();
      await insertStaff({ staffId, ...earlier }, undefined, new Date());
      const path = `/v1/console/staff/${staffId}/work-phone-changes`;
      assert.equal((await staffPage(admin, { limit: '100' })).staff.find((member: { staffId: string }) => member.staffId === staffId).workPhone, null);

      expectError(await as(admin, consoleStaff, { method: 'POST', path, body: { workPhone: '88886666' } }), 400, 'WORK_PHONE_INVALID');
      expectError(await as(pm, consoleStaff, { method: 'POST', path, body: { workPhone: '025-84561234' } }), 403, 'FORBIDDEN');
      expectError(await as(admin, consoleStaff, { method: 'POST', path: `/v1/console/staff/S${'0'.repeat(32)}/work-phone-changes`, body: { workPhone: '025-84561234' } }), 404, 'STAFF_NOT_FOUND');
      const submitted = expectOk(await as(admin, consoleStaff, { method: 'POST', path, body: { workPhone: ' 025-8456 1234' } }));
      assert.equal(submitted.kind, 'STAFF_WORK_PHONE');
      assert.equal(submitted.entityLabel, `修改客户经理 林晓（${earlier.staffNo}）的办公电话`);
      const diff = expectOk(await as(admin2, consoleChanges, { method: 'GET', path: `/v1/console/changes/${submitted.changeId}` })).diff;
      assert.deepEqual(diff, [{ path: 'workPhone', before: null, after: '025-84561234' }]);
      // One change at a time on a staff member: no deactivation while the phone change waits.
      expectError(await as(admin2, consoleStaff, { method: 'POST', path: `/v1/console/staff/${staffId}/deactivation-changes`, body: { reason: '员工离职' } }), 409, 'CHANGE_PENDING');
      expectError(await decide(admin, submitted.changeId, 'approve'), 403, 'SAME_OPERATOR');
      assert.equal(expectOk(await decide(admin2, submitted.changeId, 'approve')).status, 'EFFECTIVE');
      assert.equal((await staffPage(admin, { limit: '100' })).staff.find((member: { staffId: string }) => member.staffId === staffId).workPhone, '025-84561234');
      expectError(await as(admin, consoleStaff, { method: 'POST', path, body: { workPhone: '025-84561234' } }), 422, 'WORK_PHONE_UNCHANGED');
    });

    test('the list pages by staff number with a cursor; only staff.manage reads it', async () => {
      for (let n = 0; n < 3; n++) {
        const submitted = expectOk(await as(admin, consoleStaff, { method: 'POST', path: '/v1/console/staff/changes', body: { staff: newStaff() } }));
        expectOk(await decide(admin2, submitted.changeId, 'approve'));
      }
      const first = await staffPage(admin, { limit: '2' });
      assert.equal(first.staff.length, 2);
      assert.ok(first.nextCursor);
      const second = await staffPage(admin, { limit: '2', cursor: first.nextCursor });
      assert.deepEqual(second.pendingCreations, [], 'creations waiting are on the first page only');
      const numbers = [...first.staff, ...second.staff].map((member: { staffNo: string }) => member.staffNo);
      assert.deepEqual(numbers, [...numbers].sort());
      assert.equal(new Set(numbers).size, numbers.length);
      expectError(await as(admin, consoleStaff, { method: 'GET', path: '/v1/console/staff', query: { cursor: 'bm90LWEta2V5' } }), 400, 'CURSOR_INVALID');
      expectError(await as(pm, consoleStaff, { method: 'GET', path: '/v1/console/staff' }), 403, 'FORBIDDEN');
    });

    test('the list narrows by part of a staff number or name, branch, role and status; a page of matches goes on after its last', async () => {
      // A branch of its own, so other tests' staff never match.
      const branchId = `NJ-T${Date.now().toString(36)}`.toUpperCase();
      const created = [
        { name: '赵一', role: 'RELATIONSHIP_MANAGER' },
        { name: '钱二', role: 'RELATIONSHIP_MANAGER' },
        { name: '孙三', role: 'BRANCH_LEAD' },
      ] as const;
      const ids: string[] = [];
      for (const { name, role } of created) {
        const staffId = newStaffId();
        await insertStaff({ staffId, ...newStaff(role), name, branchId }, undefined, new Date());
        ids.push(staffId);
      }
      await deactivateStaff(ids[1]!, new Date());
      // Every page of matches, in order (a filtered page reads a bounded part of the directory,
      // so it may come back short or empty while the cursor goes on).
      const pages = async (query: Record<string, string>, limit = '100') => {
        const names: string[][] = [];
        let cursor: string | undefined;
        for (let page = 0; page < 50; page++) {
          const answer = await staffPage(admin, { limit, branchId, ...query, ...(cursor ? { cursor } : {}) });
          if (answer.staff.length) names.push(answer.staff.map((member: { name: string }) => member.name));
          cursor = answer.nextCursor;
          if (!cursor) return names;
        }
        throw new Error('the staff list never ended');
      };
      const listed = async (query: Record<string, string>) => (await pages(query)).flat();
      assert.deepEqual(await listed({}), ['赵一', '钱二', '孙三']);
      assert.deepEqual(await listed({ role: 'BRANCH_LEAD' }), ['孙三']);
      assert.deepEqual(await listed({ status: 'INACTIVE' }), ['钱二']);
      assert.deepEqual(await listed({ status: 'ACTIVE', role: 'RELATIONSHIP_MANAGER' }), ['赵一']);
      assert.deepEqual(await listed({ q: '孙' }), ['孙三']);
      const [zhao] = (await Promise.all(ids.map((staffId) => getStaff(staffId))))!;
      assert.deepEqual(await listed({ q: zhao!.staffNo.slice(-6).toLowerCase() }), ['赵一']);
      // Two matches, pages of one: the cursor goes on after the first to the second.
      assert.deepEqual(await pages({ status: 'ACTIVE' }, '1'), [['赵一'], ['孙三']]);
      for (const query of [{ role: 'TELLER' }, { status: 'GONE' }, { branchId: '含中文' }, { q: 'x'.repeat(21) }, { q: '' }] as Record<string, string>[]) {
        expectError(await as(admin, consoleStaff, { method: 'GET', path: '/v1/console/staff', query }), 400, 'VALIDATION_FAILED');
      }
    });
  });

  describe('对账报告 in operations', () => {
    test('operations reads a date’s reconciliation; others may not; a date not reconciled is 404', async () => {
      const date = '2026-01-15';
      await saveReconciliation({ date, ranAt: '2026-01-16T00:05:00.000Z', matched: 3, matchedFen: 30_000, jinlinCount: 3, jinlinFen: 30_000, gatewayCount: 3, gatewayFen: 30_000, mismatchCount: 0, mismatches: [] });
      const report = expectOk(await as(ops, consoleBillers, { method: 'GET', path: `/v1/console/bill-reconciliations/${date}` }));
      assert.deepEqual([report.date, report.matched, report.mismatchCount, report.PK], [date, 3, 0, undefined]);
      expectError(await as(ops, consoleBillers, { method: 'GET', path: '/v1/console/bill-reconciliations/2026-01-14' }), 404, 'RECONCILIATION_NOT_FOUND');
      expectError(await as(pm, consoleBillers, { method: 'GET', path: `/v1/console/bill-reconciliations/${date}` }), 403, 'FORBIDDEN');
    });
  });

  test('no route here Scans the table', async () => {
    const { commands } = await recordCommands(async () => {
      expectOk(await as(pm, consoleBillers, { method: 'GET', path: '/v1/console/billers' }));
      expectOk(await as(pm, consoleBillers, { method: 'GET', path: '/v1/console/billers/nj-water' }));
      await staffPage(admin);
      expectOk(await as(ops, consoleBillers, { method: 'GET', path: '/v1/console/bill-reconciliations/2026-01-15' }));
    });
    assert.ok(commands.length > 0);
    assert.deepEqual(commands.filter((c) => c.command === 'ScanCommand'), []);
  });
});
