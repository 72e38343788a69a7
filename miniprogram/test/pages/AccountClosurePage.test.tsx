// 销户: the pre-check from the server (every blocker at once, and no way on while any is left);
// with none, the review and the PIN, the request under an Idempotency-Key its nonce was asked
// with, and the result: what went to which card, and until when the records are kept.
import { beforeEach, expect, test } from '@jest/globals';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ClosureCheck } from '@contract/account-closure-schemas';
import type { AccountClosure } from '@contract/schemas';
import AccountClosurePage from '@/packageSecurity/pages/close/index';
import { type FakeApi, fakeApi } from '../support/api';
import { signIn } from '../support/examples';
import { renderShown } from '../support/page';
import { authorizationsAsked, decryptPin, idempotencyKeyOf, issueNonces, keysAsked, payWith, review, secondFactorOf } from '../support/payment';

const CHECK = 'GET /v1/account/closure';
const CLOSE = 'POST /v1/account/closure';
const card = { bankName: '中国工商银行', cardNumberMasked: '**** **** **** 3452' };
const ready: ClosureCheck = { accountNumberMasked: '6236 **** **** 0048', balanceFen: 12_345, boundCard: card, blockers: [], retentionYears: 10 };
const closure: AccountClosure = { closedAt: '2026-03-05T02:00:00.000Z', sweptFen: 12_345, sweptToCard: card, journalId: 'J1', retainUntil: '2036-03-05T02:00:00.000Z' };

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  issueNonces(api, { ...review, amountFen: 12_345, amountInWords: '壹佰贰拾叁元肆角伍分' });
  api.answer(CLOSE, 200, closure);
});

test('every blocker is listed at once, and there is no way to close while any is left', async () => {
  api.answer(CHECK, 200, {
    ...ready,
    blockers: [
      { code: 'LOAN_OUTSTANDING', title: '有未结清的贷款', message: '请先结清全部贷款后再销户' },
      { code: 'BILL_PAYMENT_IN_FLIGHT', title: '有处理中的缴费', message: '请等待缴费处理完成后再销户' },
    ],
  });
  await renderShown(<AccountClosurePage />);
  expect(await screen.findByText('有未结清的贷款')).toBeInTheDocument();
  expect(screen.getByText('请等待缴费处理完成后再销户')).toBeInTheDocument();
  expect(document.querySelectorAll('#closure-blockers .list-row')).toHaveLength(2);
  expect(document.getElementById('closure-submit')).toBeNull();
  expect(authorizationsAsked(api)).toEqual([]);
});

test('nothing blocks: the review and the PIN, then what went to which card', async () => {
  api.answer(CHECK, 200, ready);
  await renderShown(<AccountClosurePage />);
  expect(await screen.findByText('¥123.45')).toBeInTheDocument();
  expect(screen.getByText(/仍将保存 10 年/)).toBeInTheDocument();
  await userEvent.click(screen.getByText('确认注销'));
  await payWith('258036');

  await screen.findByText('电子账户已注销');
  expect(document.getElementById('closure-swept')).toHaveTextContent('¥123.45');
  expect(screen.getByText('中国工商银行 **** **** **** 3452')).toBeInTheDocument();
  const [sent] = api.requests(CLOSE);
  expect(decryptPin(secondFactorOf(sent).pinCipher)).toMatchObject({ pin: '258036' });
  // The nonce is bound to the key the request carries.
  expect(keysAsked(api)).toEqual([idempotencyKeyOf(sent)]);
  expect(authorizationsAsked(api)).toEqual([expect.objectContaining({ method: 'POST', path: '/v1/account/closure', body: {} })]);
});
