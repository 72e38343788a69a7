import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import { formatDateTime } from '@/lib/time';
import PayoffPage from '@/packageLoan/pages/payoff/index';
import LoanResultPage from '@/packageLoan/pages/result/index';
import { type FakeApi, fakeApi } from '../support/api';
import { refusal, signIn } from '../support/examples';
import { LOAN_ID, loan, paidOffLoan, payoffQuote, payoffResult } from '../support/loan-examples';
import { AUTHORIZE, confirmReview, decryptPin, idempotencyKeyOf, issueNonces, nonceNo, payWith, review, secondFactorOf, submitAndPay, expectOnePaymentPerDoubleTap } from '../support/payment';
import { redirectedTo, renderAt } from '../support/router';

const LOAN = `GET /v1/loans/${LOAN_ID}` as const;
const QUOTE = `POST /v1/loans/${LOAN_ID}/payoff-quote` as const;
const PAYOFF = `POST /v1/loans/${LOAN_ID}/payoff` as const;
const PAGE = `/packageLoan/pages/payoff/index?loanId=${LOAN_ID}`;

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  api.answer(LOAN, 200, loan);
  api.answer(QUOTE, 200, payoffQuote);
  issueNonces(api);
});

async function renderPayoff() {
  await renderAt(PAGE, <PayoffPage />);
  await screen.findByText('确认结清');
}

/** 确认结清, then the review and the PIN. */
async function submitWith(pin: string) {
  await submitAndPay('确认结清', pin);
}

function text(id: string): string | null | undefined {
  return document.getElementById(id)?.textContent;
}

describe('loan early payoff', () => {
  test("shows the server's quote: its total and parts, formatted, and how long it holds", async () => {
    await renderPayoff();
    expect(api.requests(QUOTE)).toHaveLength(1);
    expect(text('payoff-total')).toBe('¥8,062.87');
    expect(screen.getByText('¥8,020.38')).toBeInTheDocument();
    expect(screen.getByText('利息（计至今日，18 天，按实际天数/360计）')).toBeInTheDocument();
    expect(screen.getByText('¥24.86')).toBeInTheDocument();
    expect(screen.getByText('罚息')).toBeInTheDocument();
    expect(screen.getByText('¥17.63')).toBeInTheDocument();
    expect(screen.getByText('2026-04-20')).toBeInTheDocument();
    expect(text('payoff-valid-until')).toBe(formatDateTime(payoffQuote.validUntil));
    expect(screen.queryByText(/冷静期/)).toBeNull();
  });

  test('within the cooling-off period the quote says so; no penalty row when the server quotes none', async () => {
    api.answer(QUOTE, 200, { ...payoffQuote, totalFen: 802038, interestFen: 0, penaltyFen: 0, coolingOff: true });
    await renderPayoff();
    expect(text('payoff-total')).toBe('¥8,020.38');
    expect(screen.getByText('借款仍在冷静期内，以任何方式还款均免收利息。')).toBeInTheDocument();
    expect(screen.queryByText('罚息')).toBeNull();
  });

  test('commits to the quoted loan with only the second factor and an Idempotency-Key: the server pays at the quote it gave', async () => {
    api.answer(PAYOFF, 200, payoffResult);
    await renderPayoff();
    await submitWith('731904');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    expect(api.sent.map((request) => request.route)).toEqual([LOAN, QUOTE, AUTHORIZE, PAYOFF]);
    const [request] = api.requests(PAYOFF);
    expect(api.requests(AUTHORIZE)[0]!.body).toEqual({ method: 'POST', path: `/v1/loans/${LOAN_ID}/payoff`, idempotencyKey: idempotencyKeyOf(request), body: {} });
    // SecondFactorOnly is a strict object: the contract has no quote id, the server keeps the latest quote.
    expect(request!.body).toEqual({ secondFactor: { nonce: nonceNo(1), pinCipher: expect.any(String) } });
    expect(decryptPin(secondFactorOf(request).pinCipher)).toMatchObject({ pin: '731904', challenge: 'challenge-000000000001' });
    expect(request!.headers['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
  });

  test("the review shows the server's payoff figure — the total of the quote it pays at — with its capitals, as a payment from the account", async () => {
    issueNonces(api, { ...review, amountFen: 806287, amountInWords: '人民币捌仟零陆拾贰元捌角柒分' });
    await renderPayoff();
    await userEvent.click(screen.getByText('确认结清'));
    await waitFor(() => expect(text('review-amount')).toBe('¥8,062.87'));
    expect(text('review-amount-words')).toBe('人民币捌仟零陆拾贰元捌角柒分');
    expect(document.getElementById('review-amount-label')).toBeNull();
    expect(document.getElementById('review-estimate')).toBeNull();
    expect(screen.getByText('付款账户')).toBeInTheDocument();
    expect(text('review-confirm')).toBe('确认付款');

    await confirmReview();
    expect(within(document.getElementById('pin-sheet')!).getByText('¥8,062.87')).toBeInTheDocument();
  });

  test('no figure on the review when the server gives none (its quote no longer holds): the payoff then says why', async () => {
    issueNonces(api, { ...review, amountFen: null, amountInWords: null });
    api.answer(PAYOFF, 409, refusal('PAYOFF_QUOTE_STALE', '借款信息已变化，请重新获取提前还款报价'));
    await renderPayoff();
    await userEvent.click(screen.getByText('确认结清'));
    await waitFor(() => expect(document.getElementById('review-fee')).not.toBeNull());
    expect(document.getElementById('review-amount')).toBeNull();
    expect(document.getElementById('review-amount-words')).toBeNull();
    await payWith('123456');
    expect(await screen.findByText('借款信息已变化，请重新获取提前还款报价')).toBeInTheDocument();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  test('a quote past its validity is not paid: it asks for a new quote', async () => {
    await renderPayoff();
    const validUntil = new Date(payoffQuote.validUntil).getTime();
    jest.spyOn(Date, 'now').mockReturnValue(validUntil);
    await userEvent.click(screen.getByText('确认结清'));
    expect(await screen.findByText('报价已过期，请重新获取报价')).toBeInTheDocument();
    expect(api.requests(AUTHORIZE)).toHaveLength(0);
    expect(api.requests(PAYOFF)).toHaveLength(0);

    // A millisecond earlier it still holds.
    jest.spyOn(Date, 'now').mockReturnValue(validUntil - 1);
    api.answer(PAYOFF, 200, payoffResult);
    await submitWith('123456');
    await waitFor(() => expect(api.requests(PAYOFF)).toHaveLength(1));
  });

  test('重新报价 asks the server again and shows its new quote', async () => {
    await renderPayoff();
    const renewed = { ...payoffQuote, validUntil: '2099-04-20T10:30:00.000Z', totalFen: 806399, interestFen: 2598 };
    api.answer(QUOTE, 200, renewed);
    await userEvent.click(screen.getByText('重新报价'));
    await waitFor(() => expect(text('payoff-total')).toBe('¥8,063.99'));
    expect(api.requests(QUOTE)).toHaveLength(2);
    expect(screen.getByText('¥25.98')).toBeInTheDocument();
    expect(text('payoff-valid-until')).toBe(formatDateTime(renewed.validUntil));
  });

  test('while the review is asked for the button is disabled and a double tap asks once; while the payoff is in flight the keypad takes nothing', async () => {
    await renderPayoff();
    await expectOnePaymentPerDoubleTap(api, PAYOFF, '确认结清', payoffResult);
  });

  test('on success the result page shows what the server took and the balance it reports', async () => {
    api.answer(PAYOFF, 200, payoffResult);
    await renderPayoff();
    await submitWith('123456');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    const { url, path, query } = redirectedTo();
    expect(path).toBe('/packageLoan/pages/result/index');
    expect(Object.fromEntries(query)).toEqual({
      kind: 'PAYOFF',
      loanId: LOAN_ID,
      reference: 'Z2SJ-6WRD-8FKN',
      amountFen: '806287',
      principalFen: '802038',
      interestFen: '2486',
      penaltyFen: '1763',
      balanceFen: '70256',
      outstandingFen: '0',
    });

    cleanup();
    await renderAt(url, <LoanResultPage />);
    expect(screen.getByText('借款已结清')).toBeInTheDocument();
    expect(text('result-amount')).toBe('¥8,062.87');
    expect(screen.getByText('¥8,020.38')).toBeInTheDocument();
    expect(screen.getByText('¥24.86')).toBeInTheDocument();
    expect(screen.getByText('¥17.63')).toBeInTheDocument();
    expect(screen.getByText('¥0.00')).toBeInTheDocument();
    expect(text('result-balance')).toBe('¥702.56');
    expect(text('reference')).toBe('Z2SJ-6WRD-8FKN');
    expect(document.getElementById('reference-copy')).toHaveTextContent('复制');
  });

  test.each([
    [422, 'INSUFFICIENT_FUNDS', '电子账户余额不足，请先充值'],
    [422, 'PAYOFF_QUOTE_REQUIRED', '请先获取提前结清金额'],
  ])("a %s %s refusal is shown in the server's words and the sheets closed", async (status, code, message) => {
    api.answer(PAYOFF, status, refusal(code, message));
    await renderPayoff();
    await submitWith('123456');

    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(document.getElementById('pin-sheet')).toBeNull();
    expect(screen.getByText('确认结清')).toHaveProperty('disabled', false);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  test('a loan already paid off gets no quote and offers no form', async () => {
    api.answer(LOAN, 200, paidOffLoan);
    await renderAt(PAGE, <PayoffPage />);
    expect(await screen.findByText('该笔借款已结清')).toBeInTheDocument();
    expect(api.requests(QUOTE)).toHaveLength(0);
    expect(screen.queryByText('确认结清')).toBeNull();
  });

  test("a quote the server refuses is shown in the server's words", async () => {
    api.answer(QUOTE, 422, refusal('LOAN_PAID_OFF', '该笔借款已结清'));
    await renderAt(PAGE, <PayoffPage />);
    expect(await screen.findByText('该笔借款已结清')).toBeInTheDocument();
    expect(screen.getByText('重试')).toBeInTheDocument();
    expect(screen.queryByText('确认结清')).toBeNull();
  });
});
