// Relationship managers end to end on DynamoDB Local: administrators create staff in the console
// (maker-checker) and issue one-time binding codes; managers bind WeChat, share links and posters;
// a link opened on a device before sign-in binds the customer to the first manager at sign-up
// (first touch, within the window, no rebind); the customer's steps and money reach the manager's
// funnel, masked customer list and the branch leaderboard — and nobody sees another manager's data.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import QRCode from 'qrcode';
import { SEED_LOAN_PRODUCTS } from '../../functions/domain/loan/product.js';
import { handler as account } from '../../functions/http/account.js';
import { handler as auth } from '../../functions/http/auth.js';
import { handler as customerHandler } from '../../functions/http/customer.js';
import { handler as loanOrigination } from '../../functions/http/loan-origination.js';
import { handler as loans } from '../../functions/http/loans.js';
import { handler as simulator } from '../../functions/http/simulator.js';
import { handler as consoleStaff } from '../../functions/http/console-staff.js';
import { handler as staffHandler } from '../../functions/http/staff.js';
import { db } from '../../functions/store/client.js';
import { keys } from '../../functions/store/keys.js';
import { seedProduct } from '../../functions/store/loans.js';
import { MAX_VISITS_PER_LINK_PER_DAY } from '../../functions/store/referrals.js';
import { businessDate } from '../../functions/domain/time.js';
import { call, transcript, useBank } from '../support/bank.js';
import { cardNumber, idNumber, onboard, pay, setPin, uniquePhone } from '../support/customers.js';
import { expectError, expectOk } from '../support/expect.js';
import { assertLedgerSound } from '../support/ledger-check.js';
import { loanApplicationRequest, CONTRACT_CONSENT } from '../support/loan-application.js';
import { assertNoPersonalDataInResponses } from '../support/pii.js';
import { asStaff, createStaff, loginCode, newDeviceId, newStaff, shareLink, type Staff, visit } from '../support/rm.js';
import { administrators, deactivateStaffByChange } from '../support/changes.js';

useBank();

const LOAN = { type: 'LOAN', id: 'consumer-credit' };
const ACCOUNT = { type: 'ACCOUNT', id: 'open-account' };
const application = loanApplicationRequest();

/** Signs a WeChat user (a new one unless named) in on a device, as the mini-program does. */
async function signInOn(deviceId: string | undefined, user: string = randomUUID()) {
  const code = await loginCode(user);
  return expectOk(await call(auth, { method: 'POST', path: '/v1/auth/wechat', body: { code, ...(deviceId ? { deviceId } : {}) } }));
}

/** Phone, real name, PIN and the e-account, through the API. */
async function completeOnboarding(token: string, name: string) {
  const phone = uniquePhone();
  const id = idNumber();
  const phoneCode = await call(simulator, { method: 'POST', path: '/v1/sim/wechat/phone-code', body: { phone } });
  expectOk(await call(customerHandler, { method: 'POST', path: '/v1/me/phone', token, body: { code: phoneCode.body.code } }));
  expectOk(await call(customerHandler, { method: 'POST', path: '/v1/me/real-name', token, body: { name, idNumber: id } }));
  expectOk(await setPin(token, '135790'));
  expectOk(await call(account, { method: 'POST', path: '/v1/account', token, body: { cardNumber: cardNumber() } }));
  return { phone, idNumber: id, pin: '135790' };
}

const myManager = (token: string) => call(staffHandler, { method: 'GET', path: '/v1/me/relationship-manager', token });
const dashboard = async (who: Staff, query: Record<string, string> = {}) => expectOk(await asStaff(who, { method: 'GET', path: '/v1/staff/dashboard', query }));
const stages = (board: { funnel: { stage: string; count: number }[] }) => Object.fromEntries(board.funnel.map((row) => [row.stage, row.count]));

let a: Staff;
let b: Staff;
let lead: Staff;
let otherLead: Staff;

describe('relationship managers', () => {
  before(async () => {
    for (const product of SEED_LOAN_PRODUCTS) await seedProduct(product, new Date());
    const branch = `BR-${randomUUID().slice(0, 8)}`;
    [a, b, lead, otherLead] = await Promise.all([
      newStaff({ name: '王芳', branchId: branch, workPhone: '0571-88886666' }),
      newStaff({ name: '刘洋', branchId: branch }),
      newStaff({ name: '陈刚', branchId: branch, role: 'BRANCH_LEAD' }),
      newStaff({ name: '赵敏', branchId: `BR-${randomUUID().slice(0, 8)}`, role: 'BRANCH_LEAD' }),
    ]);
  });

  describe('staff and binding', () => {
    test('a binding code binds one WeChat identity once; signing in again needs no code', async () => {
      const created = await createStaff({ name: '孙丽', branchId: a.branchId });
      assert.match(created.bindingCode, /^[A-HJ-KM-NP-Z2-9]{12}$/);
      const user = `staff-${randomUUID().slice(0, 8)}`;
      expectError(await asStaff(undefined, { method: 'POST', path: '/v1/staff/auth/wechat', body: { code: await loginCode(user) } }), 403, 'STAFF_NOT_BOUND');
      const wrong = created.bindingCode.startsWith('A') ? `B${created.bindingCode.slice(1)}` : `A${created.bindingCode.slice(1)}`;
      expectError(await asStaff(undefined, { method: 'POST', path: '/v1/staff/bind', body: { code: await loginCode(user), bindingCode: wrong } }), 422, 'BINDING_CODE_INVALID');
      const bound = expectOk(await asStaff(undefined, { method: 'POST', path: '/v1/staff/bind', body: { code: await loginCode(user), bindingCode: created.bindingCode } }));
      assert.equal(bound.staff.name, '孙丽');
      // The code is spent: nobody binds with it again, not even the same person.
      expectError(await asStaff(undefined, { method: 'POST', path: '/v1/staff/bind', body: { code: await loginCode(`other-${user}`), bindingCode: created.bindingCode } }), 422, 'BINDING_CODE_INVALID');
      const signedIn = expectOk(await asStaff(undefined, { method: 'POST', path: '/v1/staff/auth/wechat', body: { code: await loginCode(user) } }));
      assert.equal(signedIn.staff.staffId, created.staff.staffId);
      const me = expectOk(await call(staffHandler, { method: 'GET', path: '/v1/staff/me', token: signedIn.accessToken }));
      assert.deepEqual([me.role, me.roleLabel, me.staffNo], ['RELATIONSHIP_MANAGER', '客户经理', created.staff.staffNo]);

      // One WeChat identity is one staff member.
      const second = await createStaff({ name: '周杰', branchId: a.branchId });
      expectError(await asStaff(undefined, { method: 'POST', path: '/v1/staff/bind', body: { code: await loginCode(user), bindingCode: second.bindingCode } }), 409, 'WECHAT_ALREADY_BOUND');

      // A new code (issued in the console) unbinds the old identity (changed phone): the old one can no longer sign in.
      const { maker } = await administrators();
      const reissued = expectOk(await call(consoleStaff, { method: 'POST', path: `/v1/console/staff/${created.staff.staffId}/binding-code`, token: maker }));
      assert.equal(reissued.staff.wechatBound, false);
      expectError(await asStaff(undefined, { method: 'POST', path: '/v1/staff/auth/wechat', body: { code: await loginCode(user) } }), 403, 'STAFF_NOT_BOUND');
      const newUser = `staff-${randomUUID().slice(0, 8)}`;
      expectOk(await asStaff(undefined, { method: 'POST', path: '/v1/staff/bind', body: { code: await loginCode(newUser), bindingCode: reissued.bindingCode } }));

      // Staff numbers are unique.
      const dup = await call(consoleStaff, {
        method: 'POST',
        path: '/v1/console/staff/changes',
        token: maker,
        body: { staff: { name: '钱多', staffNo: created.staff.staffNo, branchId: a.branchId, branchName: '测试支行', role: 'RELATIONSHIP_MANAGER', workPhone: '13900139000' } },
      });
      expectError(dup, 409, 'STAFF_NO_IN_USE');
    });

    test('a customer token is not a staff token, nor the other way round', async () => {
      const customer = await onboard({ name: '黄蓉' });
      expectError(await call(staffHandler, { method: 'GET', path: '/v1/staff/me', token: customer.token }), 401, 'UNAUTHENTICATED');
      expectError(await call(customerHandler, { method: 'GET', path: '/v1/me', token: a.token }), 401, 'UNAUTHENTICATED');
    });
  });

  describe('share → open → sign up → verify → open account → loan → funnel', () => {
    let code: string;
    let customerToken: string;
    const device = newDeviceId();
    const customerUser = `customer-${randomUUID()}`;
    let drawnFen = 0;

    test('a manager shares a loan product: the code fits the QR scene, the poster is a real QR', async () => {
      const products = expectOk(await asStaff(a, { method: 'GET', path: '/v1/staff/products' }));
      assert.deepEqual(products.items[0], { type: 'ACCOUNT', id: 'open-account', name: '开通电子账户' });
      assert.ok(products.items.some((p: { type: string; id: string }) => p.type === 'LOAN' && p.id === 'consumer-credit'));
      const link = await shareLink(a, LOAN, { campaign: '春季开户季', expiresInDays: 7 });
      code = link.code;
      assert.match(code, /^[0-9A-Za-z]{10}$/);
      assert.equal(link.scene, `r=${code}`);
      assert.ok(link.scene.length <= 32);
      assert.equal(link.sharePath, `pages/home/index?rm=${code}`);
      assert.equal(link.status, 'ACTIVE');
      assert.equal(link.title, '客户经理王芳为您推荐：近邻消费贷');

      const poster = expectOk(await asStaff(a, { method: 'GET', path: `/v1/staff/share-links/${code}/poster` }));
      assert.equal(poster.imageType, 'image/svg+xml');
      const svg = Buffer.from(poster.imageBase64, 'base64').toString('utf8');
      assert.ok(svg.startsWith('<svg '), svg.slice(0, 40));
      // The poster holds exactly the QR of the page and scene WeChat's code would open (the
      // simulator's), and names the bank, the product with its key figure and the manager.
      const expected = await QRCode.toBuffer(`pages/home/index?scene=${encodeURIComponent(`r=${code}`)}`, { type: 'png', width: 430, margin: 2, errorCorrectionLevel: 'M' });
      assert.ok(svg.includes(`xlink:href="data:image/png;base64,${expected.toString('base64')}"`), 'the poster is not the QR of the landing page and scene');
      for (const shown of ['近邻银行', '近邻消费贷', '最高可借 200,000 元', '客户经理 王芳']) assert.ok(svg.includes(shown), `the poster lacks ${shown}`);

      const mine = expectOk(await asStaff(a, { method: 'GET', path: '/v1/staff/share-links' }));
      assert.equal(mine.items[0].code, code);
      expectError(await asStaff(a, { method: 'POST', path: '/v1/staff/share-links', body: { product: { type: 'LOAN', id: 'no-such-loan' } } }), 422, 'PRODUCT_NOT_SHAREABLE');
      expectError(await asStaff(a, { method: 'POST', path: '/v1/staff/share-links', body: { product: { type: 'ACCOUNT', id: 'elsewhere' } } }), 422, 'PRODUCT_NOT_SHAREABLE');
    });

    test('opening the link before sign-in says whose it is; unknown codes are refused', async () => {
      const opened = expectOk(await visit(code, device));
      // No work phone: that is for the manager's own customers, not for whoever opens a link.
      assert.deepEqual(opened.manager, { name: '王芳', staffNo: a.staffNo, branchName: `${a.branchId}支行` });
      assert.deepEqual(opened.product, { ...LOAN, name: '近邻消费贷' });
      assert.equal(opened.campaign, '春季开户季');
      expectOk(await visit(code, device)); // opening again changes nothing
      expectError(await visit('ZZZZZZZZZZ', device), 404, 'SHARE_LINK_NOT_FOUND');
      expectError(await visit('bad code!', device), 400, 'VALIDATION_FAILED');
    });

    test('sign-up on that device binds the customer to the manager, who is shown to the customer', async () => {
      const session = await signInOn(device, customerUser);
      customerToken = session.accessToken;
      const mine = expectOk(await myManager(customerToken));
      assert.deepEqual(mine.manager, {
        name: '王芳',
        staffNo: a.staffNo,
        branchName: `${a.branchId}支行`,
        workPhone: { number: '0571-88886666', masked: '0571-****6666' },
      });
      assert.ok(mine.since);
      // A manager created before work phones were recorded has none: the card offers no call.
      const { doc, tableName } = db();
      await doc.send(new UpdateCommand({ TableName: tableName, Key: keys.staff(a.staffId), UpdateExpression: 'REMOVE workPhone' }));
      assert.equal(expectOk(await myManager(customerToken)).manager.workPhone, null);
      await doc.send(new UpdateCommand({ TableName: tableName, Key: keys.staff(a.staffId), UpdateExpression: 'SET workPhone = :phone', ExpressionAttributeValues: { ':phone': '0571-88886666' } }));
      const board = stages(await dashboard(a));
      assert.equal(board.OPENED, 1);
      assert.equal(board.SIGNED_UP, 1);
      assert.equal(board.REAL_NAME_VERIFIED, 0);
    });

    test('verify, open the account, apply and draw: each step reaches the funnel, with the amount', async () => {
      const who = await completeOnboarding(customerToken, '张伟');
      const decision = expectOk(await call(loanOrigination, { method: 'POST', path: '/v1/loan-applications', token: customerToken, body: application }));
      assert.equal(decision.outcome, 'APPROVED', JSON.stringify(decision));
      drawnFen = 300_000;
      expectOk(await pay({ token: customerToken, pin: who.pin }, loans, '/v1/loans', { productId: 'consumer-credit', amountFen: drawnFen, termMonths: 12, method: 'EQUAL_INSTALLMENT', contractConsent: CONTRACT_CONSENT }));

      const board = await dashboard(a);
      assert.deepEqual(stages(board), {
        OPENED: 1, SIGNED_UP: 1, REAL_NAME_VERIFIED: 1, ACCOUNT_OPENED: 1, LOAN_APPLIED: 1, LOAN_APPROVED: 1, LOAN_DRAWN: 1, WEALTH_PURCHASED: 0, BILL_PAID: 0,
      });
      const signedUp = board.funnel.find((r: { stage: string }) => r.stage === 'SIGNED_UP');
      assert.deepEqual([signedUp.conversionBps, signedUp.conversionDisplay, signedUp.ofOpenedDisplay], [10_000, '100.00%', '100.00%']);
      assert.deepEqual(board.money.find((m: { kind: string }) => m.kind === 'LOAN_DRAWN'), { kind: 'LOAN_DRAWN', label: '贷款提款', count: 1, amountFen: drawnFen });
      assert.deepEqual(board.products, [{ ...LOAN, name: '近邻消费贷' }]);
      assert.equal(board.attributionWindowDays, 30);
      assert.equal(board.truncated, false);

      // Per product: the loan link brought everyone; the account-opening link nobody.
      assert.equal(stages(await dashboard(a, { product: 'LOAN:consumer-credit' })).LOAN_DRAWN, 1);
      const other = await dashboard(a, { product: 'ACCOUNT:open-account' });
      assert.ok(other.funnel.every((r: { count: number }) => r.count === 0));
      assert.deepEqual(other.product, { ...ACCOUNT, name: '开通电子账户' });
      // Per period: yesterday-only shows nothing; a bad period is refused.
      const today = board.period.to as string;
      const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      assert.ok(stages(await dashboard(a, { from: yesterday, to: yesterday })).OPENED === 0);
      expectError(await asStaff(a, { method: 'GET', path: '/v1/staff/dashboard', query: { from: today, to: yesterday } }), 400, 'PERIOD_INVALID');
      expectError(await asStaff(a, { method: 'GET', path: '/v1/staff/dashboard', query: { from: today } }), 400, 'VALIDATION_FAILED');

      // The customer, masked: 张*, 139****1234 — never the ID number.
      const listed = expectOk(await asStaff(a, { method: 'GET', path: '/v1/staff/customers' }));
      assert.equal(listed.items.length, 1);
      const [referred] = listed.items;
      assert.equal(referred.nameMasked, '张*');
      assert.equal(referred.phoneMasked, `${who.phone.slice(0, 3)}****${who.phone.slice(-4)}`);
      assert.deepEqual([referred.stage, referred.stageLabel], ['LOAN_DRAWN', '贷款提款']);
      const raw = JSON.stringify(listed);
      for (const secret of [who.phone, who.idNumber, '张伟', who.idNumber.slice(-4)]) assert.ok(!raw.includes(secret), `the list shows ${secret}`);
      await assertLedgerSound();
    });

    test('a later code of another manager is recorded but does not rebind', async () => {
      const other = await shareLink(b, ACCOUNT);
      expectOk(await visit(other.code, device));
      assert.equal(expectOk(await myManager(customerToken)).manager.name, '王芳');
      const bBoard = stages(await dashboard(b));
      assert.equal(bBoard.OPENED, 1, 'the visit is recorded for B');
      assert.equal(bBoard.SIGNED_UP, 0);
      assert.deepEqual(expectOk(await asStaff(b, { method: 'GET', path: '/v1/staff/customers' })).items, []);
      // Signing in again on the device changes nothing either; nor does someone else signing in
      // on it (the visits were the first customer's).
      await signInOn(device, customerUser);
      const stranger = await signInOn(device);
      assert.equal(expectOk(await myManager(stranger.accessToken)).manager, null);
      assert.equal(stages(await dashboard(a)).SIGNED_UP, 1);
      assert.equal(expectOk(await myManager(customerToken)).manager.name, '王芳');
    });

    test('the branch lead ranks the branch; a manager may not; another branch sees none of it', async () => {
      const board = expectOk(await asStaff(lead, { method: 'GET', path: '/v1/staff/branch/leaderboard' }));
      assert.equal(board.branchId, a.branchId);
      assert.deepEqual(board.items[0], { rank: 1, name: '王芳', staffNo: a.staffNo, role: 'RELATIONSHIP_MANAGER', opened: 1, referred: 1, accountsOpened: 1, moneyFen: drawnFen });
      assert.ok(board.items.some((row: { staffNo: string }) => row.staffNo === b.staffNo));
      expectError(await asStaff(a, { method: 'GET', path: '/v1/staff/branch/leaderboard' }), 403, 'BRANCH_LEAD_ONLY');
      const elsewhere = expectOk(await asStaff(otherLead, { method: 'GET', path: '/v1/staff/branch/leaderboard' }));
      assert.deepEqual(elsewhere.items.map((row: { staffNo: string }) => row.staffNo), [otherLead.staffNo]);
    });
  });

  describe('expiry, revocation, the window and deactivation', () => {
    test('an expired or revoked link is refused and records nothing', async () => {
      const expiring = await shareLink(a, ACCOUNT, { expiresInDays: 1 });
      const { doc, tableName } = db();
      for (const key of [keys.shareLink(expiring.code)]) {
        await doc.send(new UpdateCommand({ TableName: tableName, Key: key, UpdateExpression: 'SET expiresAt = :past', ExpressionAttributeValues: { ':past': new Date(Date.now() - 1000).toISOString() } }));
      }
      expectError(await visit(expiring.code, newDeviceId()), 422, 'SHARE_LINK_EXPIRED');

      const revoked = await shareLink(a, ACCOUNT);
      const device = newDeviceId();
      expectOk(await visit(revoked.code, device));
      const view = expectOk(await asStaff(a, { method: 'POST', path: `/v1/staff/share-links/${revoked.code}/revoke` }));
      assert.deepEqual([view.status, view.statusLabel], ['REVOKED', '已撤销']);
      expectError(await visit(revoked.code, newDeviceId()), 422, 'SHARE_LINK_REVOKED');
      expectError(await asStaff(a, { method: 'GET', path: `/v1/staff/share-links/${revoked.code}/poster` }), 422, 'SHARE_LINK_INACTIVE');
      // A visit made before the revocation no longer binds.
      const session = await signInOn(device);
      assert.equal(expectOk(await myManager(session.accessToken)).manager, null);
    });

    test('a visit older than the window does not bind; one inside it does', async () => {
      const link = await shareLink(a, ACCOUNT);
      const device = newDeviceId();
      expectOk(await visit(link.code, device));
      const { doc, tableName } = db();
      await doc.send(new UpdateCommand({ TableName: tableName, Key: keys.deviceVisit(device, link.code), UpdateExpression: 'SET #at = :old', ExpressionAttributeNames: { '#at': 'at' }, ExpressionAttributeValues: { ':old': new Date(Date.now() - 31 * 86_400_000).toISOString() } }));
      const user = `customer-${randomUUID()}`;
      const late = await signInOn(device, user);
      assert.equal(expectOk(await myManager(late.accessToken)).manager, null);
      // The visits stay on the device: a later sign-in decides again (here: back inside the window).

      await doc.send(new UpdateCommand({ TableName: tableName, Key: keys.deviceVisit(device, link.code), UpdateExpression: 'SET #at = :old', ExpressionAttributeNames: { '#at': 'at' }, ExpressionAttributeValues: { ':old': new Date(Date.now() - 29 * 86_400_000).toISOString() } }));
      await signInOn(device, user);
      assert.equal(expectOk(await myManager(late.accessToken)).manager.name, '王芳');
    });

    test('an existing customer who opens a link on their device is bound at once, counted from then on', async () => {
      const device = newDeviceId();
      const session = await signInOn(device);
      assert.equal(expectOk(await myManager(session.accessToken)).manager, null);
      const link = await shareLink(b, ACCOUNT);
      const before = stages(await dashboard(b));
      expectOk(await visit(link.code, device));
      assert.equal(expectOk(await myManager(session.accessToken)).manager.name, '刘洋');
      const after = stages(await dashboard(b));
      assert.equal(after.OPENED, before.OPENED! + 1);
      // Signed up before the touch, still a customer who has reached that stage.
      assert.equal(after.SIGNED_UP, before.SIGNED_UP! + 1);
    });

    test('a deactivated manager can no longer sign in or act, and their links stop working', async () => {
      const leaving = await newStaff({ name: '吴磊', branchId: a.branchId });
      const link = await shareLink(leaving, ACCOUNT);
      assert.equal((await deactivateStaffByChange(leaving.staffId)).status, 'EFFECTIVE');
      expectError(await asStaff(leaving, { method: 'GET', path: '/v1/staff/me' }), 401, 'STAFF_INACTIVE');
      expectError(await asStaff(undefined, { method: 'POST', path: '/v1/staff/auth/wechat', body: { code: await loginCode(leaving.wechatUser) } }), 401, 'STAFF_INACTIVE');
      expectError(await visit(link.code, newDeviceId()), 422, 'SHARE_LINK_REVOKED');
    });

    test('a link records a bounded number of visits a day', async () => {
      const link = await shareLink(b, ACCOUNT);
      const { doc, tableName } = db();
      await doc.send(new UpdateCommand({ TableName: tableName, Key: keys.shareLinkVisits(link.code, businessDate(new Date())), UpdateExpression: 'SET visits = :full', ExpressionAttributeValues: { ':full': MAX_VISITS_PER_LINK_PER_DAY } }));
      const before = stages(await dashboard(b)).OPENED;
      const device = newDeviceId();
      // The opener still learns whose link it is; nothing more is stored.
      assert.equal(expectOk(await visit(link.code, device)).manager.name, '刘洋');
      assert.equal(stages(await dashboard(b)).OPENED, before);
      assert.equal((await doc.send(new GetCommand({ TableName: tableName, Key: keys.deviceVisit(device, link.code) }))).Item, undefined);
    });

    test('a device records a bounded number of links', async () => {
      const device = newDeviceId();
      const codes = await Promise.all(Array.from({ length: 21 }, () => shareLink(a, ACCOUNT)));
      for (const link of codes) expectOk(await visit(link.code, device));
      const { doc, tableName } = db();
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.device(device) }));
      assert.equal(Item?.visits, 20);
    });
  });

  test('no response carried a customer\'s full phone, name or ID number', () => {
    assert.ok(transcript.some((r) => r.path === '/v1/staff/customers'));
    assertNoPersonalDataInResponses(['张伟']);
  });
});
