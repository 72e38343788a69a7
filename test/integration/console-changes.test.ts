// Maker-checker (四眼复核) through the console's functions, as API Gateway calls them: a loan product
// version and the LPR drafted by one product manager and approved, rejected or withdrawn; the
// maker never checks their own change; one pending change per entity (also when two race); a
// rejection needs a note; only the maker withdraws; an approved change is applied at once when
// due — the customers' loan list shows the new version, loans keep theirs — or by the scheduled
// job when its time comes, once however many appliers race; the preview prices a draft exactly as
// the customers' calculator will; bad input changes nothing; every step is in the audit log.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { type AuditEntry, type ChainItem } from '../../functions/domain/audit-chain.js';
import { CONSUMER_CREDIT_PRODUCT, MICRO_BUSINESS_PRODUCT, SEED_LOAN_PRODUCTS } from '../../functions/domain/loan/product.js';
import { handler as consoleChanges } from '../../functions/http/console-changes.js';
import { handler as consoleProducts } from '../../functions/http/console-products.js';
import { handler as loanOrigination } from '../../functions/http/loan-origination.js';
import { handler as applyChangesJob } from '../../functions/jobs/apply-changes.js';
import { readAuditPage } from '../../functions/services/audit.js';
import { applyDueChanges } from '../../functions/services/change-requests.js';
import { claimChange } from '../../functions/store/change-requests.js';
import { productVersion, seedProduct } from '../../functions/store/loans.js';
import { call, type CallOptions, useBank } from '../support/bank.js';
import { expectError, expectOk } from '../support/expect.js';
import { scanTable } from '../support/ledger-check.js';
import { newOperator, signInOperator } from '../support/operators.js';

useBank();

type Who = { token: string; operatorId: string; login: string };
let maker: Who;
let checker: Who;
let risk: Who;
let service: Who;

async function operator(roles: Parameters<typeof newOperator>[0], name: string): Promise<Who> {
  const created = await newOperator(roles, name);
  return { token: (await signInOperator(created)).accessToken, operatorId: created.operatorId, login: created.login };
}

const as = (who: Who, handler: typeof consoleChanges, options: Omit<CallOptions, 'token'>) => call(handler, { ...options, token: who.token });
const submitProduct = (who: Who, product: object, effectiveAt?: string) =>
  as(who, consoleProducts, { method: 'POST', path: '/v1/console/loan-products/changes', body: { product, ...(effectiveAt ? { effectiveAt } : {}) } });
const submitLpr = (who: Who, oneYearLprBps: number, effectiveAt?: string) =>
  as(who, consoleProducts, { method: 'POST', path: '/v1/console/lpr/changes', body: { oneYearLprBps, ...(effectiveAt ? { effectiveAt } : {}) } });
const decide = (who: Who, changeId: string, action: 'approve' | 'reject' | 'withdraw', body?: object) =>
  as(who, consoleChanges, { method: 'POST', path: `/v1/console/changes/${changeId}/${action}`, ...(body ? { body } : action === 'withdraw' ? {} : { body: {} }) });
const change = (who: Who, changeId: string) => as(who, consoleChanges, { method: 'GET', path: `/v1/console/changes/${changeId}` });
const customerCatalog = async () => expectOk(await call(loanOrigination, { method: 'GET', path: '/v1/loan-products' }));
const customerProduct = async (productId: string) => (await customerCatalog()).items.find((item: { productId: string }) => item.productId === productId);
const draftOf = ({ version: _version, ...draft }: typeof CONSUMER_CREDIT_PRODUCT) => draft;

/** The audit entries about one change, oldest first. */
async function auditOf(changeId: string): Promise<AuditEntry[]> {
  const { items } = await readAuditPage(undefined, 100);
  return items
    .filter((item: ChainItem): item is AuditEntry => !('unreadable' in item) && item.target.kind === 'change' && item.target.id === changeId)
    .reverse();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('maker-checker through the console', () => {
  before(async () => {
    for (const product of SEED_LOAN_PRODUCTS) await seedProduct(product, new Date());
    [maker, checker, risk, service] = await Promise.all([
      operator(['PRODUCT_MANAGER'], '李娜'),
      operator(['PRODUCT_MANAGER'], '周洋'),
      operator(['RISK_OFFICER'], '王风控'),
      operator(['CUSTOMER_SERVICE'], '赵客服'),
    ]);
  });

  describe('a loan product version, from draft to the customers’ list', () => {
    test('maker ≠ checker, one pending change per product, a permission per kind; approval publishes a new version and leaves the old one as it was', async () => {
      const before = await customerProduct('consumer-credit');
      const draft = { ...draftOf(CONSUMER_CREDIT_PRODUCT), name: '近邻消费贷·春季版', spreadBpsByGrade: { ...CONSUMER_CREDIT_PRODUCT.spreadBpsByGrade, A: 80 } };
      const submitted = expectOk(await submitProduct(maker, draft));
      assert.equal(submitted.status, 'PENDING');
      assert.equal(submitted.kind, 'LOAN_PRODUCT_VERSION');
      assert.equal(submitted.entityId, 'loan-product:consumer-credit');
      assert.equal(submitted.entityLabel, `贷款产品 近邻消费贷·春季版 v${before.version + 1}`);
      assert.deepEqual(submitted.maker, { operatorId: maker.operatorId, login: maker.login, displayName: '李娜' });

      // The checker reads what changes, leaf by leaf.
      const detail = expectOk(await change(checker, submitted.changeId));
      assert.deepEqual(detail.diff, [
        { path: 'name', before: '近邻消费贷', after: '近邻消费贷·春季版' },
        { path: 'spreadBpsByGrade.A', before: 100, after: 80 },
      ]);

      // A second change to the same product waits for this one — whoever drafts it.
      expectError(await submitProduct(checker, { ...draft, name: '另一个版本' }), 409, 'CHANGE_PENDING');
      const listed = expectOk(await as(checker, consoleProducts, { method: 'GET', path: '/v1/console/loan-products' }));
      assert.equal(listed.products.find((p: { productId: string }) => p.productId === 'consumer-credit').pendingChangeId, submitted.changeId);

      // Not by its maker (even one who may approve products), not without products.approve.
      expectError(await decide(maker, submitted.changeId, 'approve'), 403, 'SAME_OPERATOR');
      expectError(await decide(maker, submitted.changeId, 'reject', { note: '自己驳回' }), 403, 'SAME_OPERATOR');
      expectError(await decide(service, submitted.changeId, 'approve'), 403, 'FORBIDDEN');
      // Nothing was published meanwhile.
      assert.deepEqual(await customerProduct('consumer-credit'), before);

      const approved = expectOk(await decide(checker, submitted.changeId, 'approve', { note: '利差符合定价政策' }));
      assert.equal(approved.status, 'EFFECTIVE');
      assert.equal(approved.checker.operatorId, checker.operatorId);
      assert.equal(approved.decisionNote, '利差符合定价政策');
      assert.ok(approved.appliedAt);

      const after = await customerProduct('consumer-credit');
      assert.equal(after.version, before.version + 1);
      assert.equal(after.name, '近邻消费贷·春季版');
      // LPR 300 + A's new spread 80.
      assert.equal(after.rateFromBps, 380);
      // The version customers signed before is still there as it was.
      assert.deepEqual(await productVersion('consumer-credit', before.version), CONSUMER_CREDIT_PRODUCT);

      // Decided once: a second decision is refused; the product is free for the next change.
      expectError(await decide(risk, submitted.changeId, 'approve'), 409, 'CHANGE_NOT_PENDING');
      const history = expectOk(await as(risk, consoleProducts, { method: 'GET', path: '/v1/console/loan-products/consumer-credit' }));
      assert.equal(history.current.version, after.version);
      assert.equal(history.card.rateFromBps, 380);
      assert.deepEqual(history.versions[0], { version: after.version, publishedAt: approved.appliedAt, changeId: submitted.changeId, makerLogin: maker.login, checkerLogin: checker.login });
      assert.equal(history.versions.at(-1).version, 1);
      assert.equal(history.pendingChange, undefined);

      const audit = await auditOf(submitted.changeId);
      assert.deepEqual(audit.map((entry) => `${entry.action} ${entry.actor.id}`), [
        `change.submit ${maker.operatorId}`,
        `change.approve ${checker.operatorId}`,
        `change.apply ${checker.operatorId}`,
      ]);
      assert.equal((audit[0]!.before as { name: string }).name, '近邻消费贷');
      assert.equal((audit[2]!.after as { name: string }).name, '近邻消费贷·春季版');
      assert.deepEqual(audit[1]!.after, { status: 'APPROVED', effectiveAt: approved.effectiveAt, note: '利差符合定价政策' });
    });

    test('a new product: two operators, no deploy, and customers see it at once', async () => {
      const draft = { ...draftOf(MICRO_BUSINESS_PRODUCT), productId: 'neighbour-shop', name: '邻里小店贷', disclosureVersion: 'neighbour-shop-2026-03' };
      assert.equal(await customerProduct('neighbour-shop'), undefined);
      const submitted = expectOk(await submitProduct(maker, draft));
      assert.equal(submitted.before, null);
      assert.equal(submitted.entityLabel, '贷款产品 邻里小店贷 v1');
      expectOk(await decide(checker, submitted.changeId, 'approve'));
      const shown = await customerProduct('neighbour-shop');
      assert.equal(shown.version, 1);
      assert.equal(shown.name, '邻里小店贷');
    });

    test('two drafts of one product racing: one is pending, the other refused', async () => {
      const draft = draftOf(MICRO_BUSINESS_PRODUCT);
      const answers = await Promise.all([submitProduct(maker, { ...draft, coolingOffDays: 5 }), submitProduct(checker, { ...draft, coolingOffDays: 6 })]);
      assert.deepEqual(answers.map((res) => res.status).sort(), [200, 409]);
      const loser = answers.find((res) => res.status === 409)!;
      expectError(loser, 409, 'CHANGE_PENDING');
      const winner = answers.find((res) => res.status === 200)!.body;
      const { changes } = expectOk(await as(risk, consoleChanges, { method: 'GET', path: '/v1/console/changes', query: { status: 'PENDING', kind: 'LOAN_PRODUCT_VERSION' } }));
      assert.deepEqual(changes.filter((c: { entityId: string }) => c.entityId === 'loan-product:micro-business').map((c: { changeId: string }) => c.changeId), [winner.changeId]);
      // Its maker withdraws it (leaving the product free for the next test's drafts).
      const ownMaker = winner.maker.operatorId === maker.operatorId ? maker : checker;
      expectOk(await decide(ownMaker, winner.changeId, 'withdraw'));
    });
  });

  describe('rejecting and withdrawing', () => {
    test('a rejection needs a note, is kept with it, and frees the entity', async () => {
      const submitted = expectOk(await submitLpr(maker, 295));
      expectError(await decide(checker, submitted.changeId, 'reject', {}), 400, 'VALIDATION_FAILED');
      expectError(await decide(checker, submitted.changeId, 'reject', { note: '   ' }), 400, 'DECISION_NOTE_REQUIRED');
      expectError(await decide(checker, submitted.changeId, 'reject', { note: 'x'.repeat(201) }), 400, 'VALIDATION_FAILED');
      assert.equal(expectOk(await change(checker, submitted.changeId)).status, 'PENDING');
      const rejected = expectOk(await decide(checker, submitted.changeId, 'reject', { note: '央行尚未公布新的报价' }));
      assert.equal(rejected.status, 'REJECTED');
      assert.equal(rejected.decisionNote, '央行尚未公布新的报价');
      assert.equal((await customerCatalog()).lprBps, 300);
      expectError(await decide(checker, submitted.changeId, 'approve'), 409, 'CHANGE_NOT_PENDING');
      assert.deepEqual((await auditOf(submitted.changeId)).map((e) => [e.action, e.actor.id, e.after]), [
        ['change.submit', maker.operatorId, { kind: 'LPR', entityId: 'lpr', effectiveAt: submitted.effectiveAt, after: { oneYearLprBps: 295 } }],
        ['change.reject', checker.operatorId, { status: 'REJECTED', effectiveAt: submitted.effectiveAt, note: '央行尚未公布新的报价' }],
      ]);
      // Free again: a new LPR change can be submitted (and is withdrawn right away).
      const next = expectOk(await submitLpr(maker, 296));
      expectOk(await decide(maker, next.changeId, 'withdraw'));
    });

    test('only the maker withdraws, and only while pending', async () => {
      const submitted = expectOk(await submitLpr(maker, 290));
      expectError(await decide(checker, submitted.changeId, 'withdraw'), 403, 'NOT_MAKER');
      expectError(await decide(service, submitted.changeId, 'withdraw'), 403, 'NOT_MAKER');
      const withdrawn = expectOk(await decide(maker, submitted.changeId, 'withdraw'));
      assert.equal(withdrawn.status, 'WITHDRAWN');
      expectError(await decide(maker, submitted.changeId, 'withdraw'), 409, 'CHANGE_NOT_PENDING');
      expectError(await decide(checker, submitted.changeId, 'approve'), 409, 'CHANGE_NOT_PENDING');
      assert.deepEqual((await auditOf(submitted.changeId)).map((e) => [e.action, e.actor.id, e.before, e.after]).slice(1), [
        ['change.withdraw', maker.operatorId, { status: 'PENDING' }, { status: 'WITHDRAWN' }],
      ]);
      assert.equal((await customerCatalog()).lprBps, 300);
    });
  });

  describe('effective later', () => {
    test('approved ahead of its time: nothing changes until the scheduled job runs after it; the entity stays locked until then', async () => {
      const effectiveAt = new Date(Date.now() + 1_500).toISOString();
      const submitted = expectOk(await submitLpr(maker, 310, effectiveAt));
      assert.equal(submitted.effectiveAt, effectiveAt);
      const approved = expectOk(await decide(risk, submitted.changeId, 'approve'));
      assert.equal(approved.status, 'APPROVED');
      assert.equal((await customerCatalog()).lprBps, 300);
      // Approved but not effective: still the LPR's one change.
      expectError(await submitLpr(checker, 320), 409, 'CHANGE_PENDING');
      assert.equal(expectOk(await as(maker, consoleProducts, { method: 'GET', path: '/v1/console/loan-products' })).lprPendingChangeId, submitted.changeId);
      // The job before the time applies nothing.
      assert.deepEqual(await applyDueChanges(new Date(Date.parse(effectiveAt) - 1)), { applied: 0, failed: 0 });
      await sleep(Date.parse(effectiveAt) - Date.now() + 50);
      assert.deepEqual(await applyChangesJob({} as never, {} as never), { applied: 1, failed: 0 });
      assert.equal((await customerCatalog()).lprBps, 310);
      const effective = expectOk(await change(maker, submitted.changeId));
      assert.equal(effective.status, 'EFFECTIVE');
      assert.ok(effective.appliedAt >= effectiveAt);
      const audit = await auditOf(submitted.changeId);
      assert.deepEqual(audit.map((e) => `${e.action} ${e.actor.kind}:${e.actor.id}`), [
        `change.submit operator:${maker.operatorId}`,
        `change.approve operator:${risk.operatorId}`,
        'change.apply system:change-scheduler',
      ]);
      assert.deepEqual([audit[2]!.before, audit[2]!.after], [{ oneYearLprBps: 300 }, { oneYearLprBps: 310 }]);
      // Applied once: the job finds nothing more.
      assert.deepEqual(await applyDueChanges(new Date()), { applied: 0, failed: 0 });
    });

    test('appliers racing over one due change publish one version', async () => {
      const before = await customerProduct('micro-business');
      const effectiveAt = new Date(Date.now() + 1_000).toISOString();
      const submitted = expectOk(await submitProduct(maker, { ...draftOf(MICRO_BUSINESS_PRODUCT), coolingOffDays: 7 }, effectiveAt));
      expectOk(await decide(checker, submitted.changeId, 'approve'));
      await sleep(Date.parse(effectiveAt) - Date.now() + 50);
      const runs = await Promise.all([applyDueChanges(new Date()), applyDueChanges(new Date()), applyDueChanges(new Date())]);
      assert.equal(runs.reduce((sum, run) => sum + run.failed, 0), 0, JSON.stringify(runs));
      const after = await customerProduct('micro-business');
      assert.equal(after.version, before.version + 1);
      assert.equal(after.coolingOffDays, 7);
      assert.equal(await productVersion('micro-business', before.version + 2), undefined);
      assert.equal(expectOk(await change(maker, submitted.changeId)).status, 'EFFECTIVE');
      assert.equal((await auditOf(submitted.changeId)).filter((e) => e.action === 'change.apply').length, 1);
    });

    test('a due change another applier has claimed is left to it until its claim lapses', async () => {
      const effectiveAt = new Date(Date.now() + 1_000).toISOString();
      const submitted = expectOk(await submitLpr(maker, 330, effectiveAt));
      expectOk(await decide(risk, submitted.changeId, 'approve'));
      await sleep(Date.parse(effectiveAt) - Date.now() + 50);
      const claimedAt = new Date();
      assert.equal(await claimChange(submitted.changeId, claimedAt, 60_000), true);
      assert.equal(await claimChange(submitted.changeId, claimedAt, 60_000), false, 'one claim at a time');
      assert.deepEqual(await applyDueChanges(new Date()), { applied: 0, failed: 0 });
      assert.notEqual((await customerCatalog()).lprBps, 330);
      // The claimer died: a minute on, the scheduler takes the change over.
      assert.deepEqual(await applyDueChanges(new Date(claimedAt.getTime() + 60_001)), { applied: 1, failed: 0 });
      assert.equal((await customerCatalog()).lprBps, 330);
      assert.equal(expectOk(await change(maker, submitted.changeId)).status, 'EFFECTIVE');
    });
  });

  describe('the product factory’s preview and bad input', () => {
    test('the preview prices a draft exactly as the customers’ calculator prices it once published', async () => {
      const draft = { ...draftOf(MICRO_BUSINESS_PRODUCT), productId: 'shop-interest-first', name: '先息后本经营贷', spreadBpsByGrade: { B: 275, C: 400 } };
      const sample = { sampleAmountFen: 5_000_000, sampleTermMonths: 12, sampleMethod: 'INTEREST_FIRST' };
      const preview = expectOk(await as(maker, consoleProducts, { method: 'POST', path: '/v1/console/loan-products/preview', body: { product: draft, ...sample } }));
      assert.equal(preview.card.version, 1);
      assert.equal(preview.card.name, '先息后本经营贷');
      assert.equal(preview.sample.grade, 'B');
      const lprBps = (await customerCatalog()).lprBps;
      assert.equal(preview.sample.annualRateBps, lprBps + 275);
      assert.equal(preview.card.rateFromBps, lprBps + 275);

      const submitted = expectOk(await submitProduct(maker, draft));
      expectOk(await decide(checker, submitted.changeId, 'approve'));
      const quote = expectOk(
        await call(loanOrigination, { method: 'POST', path: '/v1/loan-calculator', body: { productId: draft.productId, amountFen: 5_000_000, termMonths: 12, method: 'INTEREST_FIRST' } }),
      );
      assert.deepEqual(preview.sample, quote);
      assert.deepEqual(preview.card, await customerProduct(draft.productId));
      // A sample the draft does not offer is refused as the calculator refuses it.
      expectError(
        await as(maker, consoleProducts, { method: 'POST', path: '/v1/console/loan-products/preview', body: { product: draft, ...sample, sampleTermMonths: 7 } }),
        422,
        'TERM_NOT_OFFERED',
      );
    });

    test('invalid drafts and requests are refused with the fields named, and change nothing', async () => {
      const items = JSON.stringify(await scanTable());
      const good = draftOf(CONSUMER_CREDIT_PRODUCT);
      const bad = [
        { product: { ...good, minAmountFen: 5_000_000, maxAmountFen: 1_000_000 } },
        { product: { ...good, termsMonths: [12, 6] } },
        { product: { ...good, version: 9 } },
        { product: { ...good, name: '' } },
        { product: good, effectiveAt: 'tomorrow' },
      ];
      for (const body of bad) {
        const res = await submitProduct(maker, body.product, body.effectiveAt);
        expectError(res, 400, 'VALIDATION_FAILED');
      }
      const preview = await as(maker, consoleProducts, {
        method: 'POST',
        path: '/v1/console/loan-products/preview',
        body: { product: { ...good, minAmountFen: 5_000_000, maxAmountFen: 1_000_000, spreadBpsByGrade: { A: 9_999 } }, sampleAmountFen: 1_000_000, sampleTermMonths: 12, sampleMethod: 'EQUAL_INSTALLMENT' },
      });
      expectError(preview, 400, 'VALIDATION_FAILED');
      assert.match(preview.body.error.message, /product\.maxAmountFen/);
      assert.match(preview.body.error.message, /product\.spreadBpsByGrade\.A/);
      const { current } = expectOk(await as(maker, consoleProducts, { method: 'GET', path: '/v1/console/loan-products/consumer-credit' }));
      expectError(await submitProduct(maker, draftOf(current)), 400, 'CHANGE_EMPTY');
      expectError(await submitLpr(maker, 0), 400, 'VALIDATION_FAILED');
      expectError(await submitLpr(maker, (await customerCatalog()).lprBps), 400, 'CHANGE_EMPTY');
      expectError(await submitLpr(maker, 305, '2099-01-01T00:00:00Z'), 400, 'EFFECTIVE_AT_TOO_LATE');
      expectError(await change(maker, `C${'0'.repeat(32)}`), 404, 'CHANGE_NOT_FOUND');
      expectError(await decide(checker, `C${'0'.repeat(32)}`, 'approve'), 404, 'CHANGE_NOT_FOUND');
      expectError(await change(maker, 'not-a-change'), 404, 'NOT_FOUND');
      expectError(await as(maker, consoleChanges, { method: 'GET', path: '/v1/console/changes', query: { cursor: 'bm90LWEtY3Vyc29y' } }), 400, 'CURSOR_INVALID');
      expectError(await as(maker, consoleChanges, { method: 'GET', path: '/v1/console/changes', query: { status: 'DONE' } }), 400, 'VALIDATION_FAILED');
      // Drafting needs products.draft: a risk officer reads and approves but does not draft.
      expectError(await submitLpr(risk, 305), 403, 'FORBIDDEN');
      // The audit log records sign-ins only when something happens: the table is exactly as before.
      assert.equal(JSON.stringify(await scanTable()), items);
    });

    test('the inbox lists newest first by status and kind, a page at a time', async () => {
      const all = expectOk(await as(service, consoleChanges, { method: 'GET', path: '/v1/console/changes', query: { limit: '100' } })).changes;
      assert.ok(all.length >= 9, `${all.length} changes`);
      const times = all.map((c: { submittedAt: string }) => c.submittedAt);
      assert.deepEqual(times, [...times].sort().reverse());
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page++) {
        const res = expectOk(await as(service, consoleChanges, { method: 'GET', path: '/v1/console/changes', query: { limit: '2', ...(cursor ? { cursor } : {}) } }));
        assert.ok(res.changes.length <= 2);
        seen.push(...res.changes.map((c: { changeId: string }) => c.changeId));
        cursor = res.nextCursor;
        if (!cursor) break;
      }
      assert.deepEqual(seen, all.map((c: { changeId: string }) => c.changeId));
      const lprRejected = expectOk(await as(service, consoleChanges, { method: 'GET', path: '/v1/console/changes', query: { status: 'REJECTED', kind: 'LPR' } })).changes;
      assert.ok(lprRejected.length >= 1);
      for (const c of lprRejected) assert.deepEqual([c.status, c.kind], ['REJECTED', 'LPR']);
      assert.deepEqual(
        lprRejected.map((c: { changeId: string }) => c.changeId),
        all.filter((c: { status: string; kind: string }) => c.status === 'REJECTED' && c.kind === 'LPR').map((c: { changeId: string }) => c.changeId),
      );
    });
  });
});
