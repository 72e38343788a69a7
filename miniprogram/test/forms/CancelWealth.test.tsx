import { beforeEach, describe, expect, test } from '@jest/globals';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import type { WealthCancelResult } from '@contract/wealth-schemas';
import WealthOrderPage from '@/packageWealth/pages/order/index';
import { type FakeApi, fakeApi } from '../support/api';
import { refusal, signIn } from '../support/examples';
import { AUTHORIZE, authorizationsAsked, confirmReview, decryptPin, idempotencyKeyOf, issueNonces, nonceNo, payWith, review, secondFactorOf } from '../support/payment';
import { formatDateTime } from '@/lib/time';
import { redirectedTo, renderAt } from '../support/router';
import { purchaseResult } from '../support/wealth-examples';

const { order } = purchaseResult;
const ORDER = `GET /v1/wealth-orders/${order.orderId}` as const;
const CANCEL = `POST /v1/wealth-orders/${order.orderId}/cancel` as const;
const PAGE = `/packageWealth/pages/order/index?orderId=${order.orderId}`;

/** The refund as the server works it out: here not the order's ¥12,300.00, so the sheet must show
 *  the server's figure, not the page's. */
const refundReview = { ...review, amountFen: 1229900, amountInWords: '人民币壹万贰仟贰佰玖拾玖元整' };

const cancelled: WealthCancelResult = {
  journalId: 'jnl_cancel_01',
  reference: 'C5KM-7PQX-3VDN',
  order: { ...order, status: 'CANCELLED', statusLabel: '已撤销', cancellable: false, settlementJournalId: 'jnl_cancel_01' },
  balanceFen: 2335678,
};

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
  api.answer(ORDER, 200, order);
  issueNonces(api, refundReview);
});

function text(id: string): string | null | undefined {
  return document.getElementById(id)?.textContent;
}

async function openReview() {
  await renderAt(PAGE, <WealthOrderPage />);
  await userEvent.click(await screen.findByText('撤销购买'));
  // The fee row is on every review, with or without a figure; the skeleton has none.
  await waitFor(() => expect(document.getElementById('review-fee')).not.toBeNull());
}

describe('wealth order cooling-off cancel', () => {
  test('the review shows the refund the server worked out as 到账金额, with its capitals, into the receiving account', async () => {
    await openReview();
    expect(text('review-amount-label')).toBe('到账金额');
    expect(text('review-amount')).toBe('¥12,299.00');
    expect(text('review-amount-words')).toBe('人民币壹万贰仟贰佰玖拾玖元整');
    expect(document.getElementById('review-estimate')).toBeNull();
    expect(text('review-source')).toBe('6230 **** **** 4321');
    expect(screen.getByText('收款账户')).toBeInTheDocument();
    expect(screen.queryByText('付款账户')).toBeNull();
    expect(text('review-confirm')).toBe('确认');

    await confirmReview();
    expect(screen.getByText('到账金额 ¥12,299.00')).toBeInTheDocument();
  });

  test('asks the nonce for the cancel path with an empty body under the key the cancel carries, then sends only the second factor', async () => {
    api.answer(CANCEL, 200, cancelled);
    await openReview();
    await payWith('602819');
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());

    expect(api.sent.map((request) => request.route)).toEqual([ORDER, AUTHORIZE, CANCEL]);
    const [request] = api.requests(CANCEL);
    expect(authorizationsAsked(api)).toEqual([{ method: 'POST', path: `/v1/wealth-orders/${order.orderId}/cancel`, idempotencyKey: idempotencyKeyOf(request), body: {} }]);
    expect(request!.body).toEqual({ secondFactor: { nonce: nonceNo(1), pinCipher: expect.any(String) } });
    expect(decryptPin(secondFactorOf(request).pinCipher)).toMatchObject({ pin: '602819', challenge: 'challenge-000000000001' });

    const { path, query } = redirectedTo();
    expect(path).toBe('/packageWealth/pages/result/index');
    expect(Object.fromEntries(query)).toMatchObject({ kind: 'CANCEL', amountFen: '1230000', balanceFen: '2335678', reference: 'C5KM-7PQX-3VDN' });
  });

  test('no figure when the server gives none (the order can no longer be cancelled); the refusal is then shown in its words', async () => {
    issueNonces(api, { ...refundReview, amountFen: null, amountInWords: null });
    api.answer(CANCEL, 422, refusal('ORDER_NOT_CANCELLABLE', '该订单已过冷静期或已确认，不能撤销'));
    await openReview();
    expect(document.getElementById('review-amount')).toBeNull();
    expect(document.getElementById('review-amount-words')).toBeNull();
    await payWith('602819');
    expect(await screen.findByText('该订单已过冷静期或已确认，不能撤销')).toBeInTheDocument();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  test('the order shows until when it may be cancelled, the time the server gives; past it, when the period ended and no cancel', async () => {
    await renderAt(PAGE, <WealthOrderPage />);
    expect(await screen.findByText('撤销购买')).toBeInTheDocument();
    expect(text('order-cooling-off')).toBe(`${formatDateTime(order.cancellableUntil!)} 前可撤销`);

    api.answer(ORDER, 200, { ...order, cancellable: false });
    cleanup();
    await renderAt(PAGE, <WealthOrderPage />);
    await waitFor(() => expect(text('order-cooling-off')).toBe(`已于 ${formatDateTime(order.cancellableUntil!)} 结束`));
    expect(screen.queryByText('撤销购买')).toBeNull();
  });
});
