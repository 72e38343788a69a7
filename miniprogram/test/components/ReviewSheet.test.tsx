import { describe, expect, jest, test } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReviewSheet } from '@/components/ReviewSheet';
import { review } from '../support/payment';

function text(id: string): string | null | undefined {
  return document.getElementById(id)?.textContent;
}

function renderSheet(shown: Parameters<typeof ReviewSheet>[0]['review']) {
  const onConfirm = jest.fn();
  const onCancel = jest.fn();
  render(<ReviewSheet title='转账' review={shown} onConfirm={onConfirm} onCancel={onCancel} />);
  return { onConfirm, onCancel };
}

describe('ReviewSheet', () => {
  test("shows the server's review: amount formatted, its capitals as sent, payee, fee and paying account", () => {
    renderSheet({ ...review, amountFen: 123456789, amountInWords: '人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分', feeFen: 150, payeeMasked: '张*（138****0000）' });
    expect(screen.getByText('转账')).toBeInTheDocument();
    expect(text('review-amount')).toBe('¥1,234,567.89');
    expect(text('review-amount-words')).toBe('人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分');
    expect(text('review-payee')).toBe('张*（138****0000）');
    expect(screen.getByText('收款人')).toBeInTheDocument();
    expect(text('review-fee')).toBe('¥1.50');
    expect(text('review-source')).toBe('6230 **** **** 4321');
    expect(screen.getByText('付款账户')).toBeInTheDocument();
  });

  test('money coming in (a redemption) names the receiving account and asks to confirm, not to pay', () => {
    render(<ReviewSheet title='赎回理财' incoming review={review} onConfirm={jest.fn()} onCancel={jest.fn()} />);
    expect(screen.getByText('收款账户')).toBeInTheDocument();
    expect(screen.queryByText('付款账户')).toBeNull();
    expect(text('review-confirm')).toBe('确认');
  });

  test('a request that pays nothing (销户, a change of card) says what it confirms, not 确认付款', () => {
    render(<ReviewSheet title='注销电子账户' confirmLabel='确认注销' review={review} onConfirm={jest.fn()} onCancel={jest.fn()} />);
    expect(text('review-confirm')).toBe('确认注销');
    expect(screen.queryByText('确认付款')).toBeNull();
  });

  test('a fee of 0 is 免费', () => {
    renderSheet(review);
    expect(text('review-fee')).toBe('免费');
  });

  test('the capitals are the server’s, never made here: whatever it sends is what is shown', () => {
    // A server whose words disagree with the figure is a server bug the sheet must not hide.
    renderSheet({ ...review, amountFen: 100, amountInWords: '人民币壹元整（服务器）' });
    expect(text('review-amount-words')).toBe('人民币壹元整（服务器）');
  });

  test('a repayment of what is payable now: the figure and capitals the server worked out, as a payment', () => {
    renderSheet({ ...review, amountFen: 404082, amountInWords: '人民币肆仟零肆拾元捌角贰分' });
    expect(text('review-amount')).toBe('¥4,040.82');
    expect(text('review-amount-words')).toBe('人民币肆仟零肆拾元捌角贰分');
    expect(document.getElementById('review-amount-label')).toBeNull();
    expect(document.getElementById('review-estimate')).toBeNull();
    expect(text('review-confirm')).toBe('确认付款');
  });

  test('a fund redemption: 预计到账, the server’s estimate and capitals, and the NAV it was valued at', () => {
    const estimated = { ...review, amountFen: 511700, amountInWords: '人民币伍仟壹佰壹拾柒元整', estimate: { navDisplay: '1.0234', navDate: '2026-03-01' } };
    render(<ReviewSheet title='赎回理财' incoming review={estimated} onConfirm={jest.fn()} onCancel={jest.fn()} />);
    expect(text('review-amount-label')).toBe('预计到账');
    expect(text('review-amount')).toBe('¥5,117.00');
    expect(text('review-amount-words')).toBe('人民币伍仟壹佰壹拾柒元整');
    expect(text('review-estimate')).toBe('按 2026-03-01 单位净值 1.0234 估算，实际到账金额以确认日净值为准');
    expect(screen.getByText('收款账户')).toBeInTheDocument();
  });

  test('a money-market redemption: the exact amount as 到账金额, with no estimate note', () => {
    render(<ReviewSheet title='赎回理财' incoming review={{ ...review, amountFen: 29, amountInWords: '人民币贰角玖分' }} onConfirm={jest.fn()} onCancel={jest.fn()} />);
    expect(text('review-amount-label')).toBe('到账金额');
    expect(text('review-amount')).toBe('¥0.29');
    expect(text('review-amount-words')).toBe('人民币贰角玖分');
    expect(document.getElementById('review-estimate')).toBeNull();
  });

  test('no payee row unless the server names one; no figure when the request has no amount', () => {
    renderSheet({ ...review, amountFen: null, amountInWords: null, payeeMasked: null });
    expect(document.getElementById('review-payee')).toBeNull();
    expect(screen.queryByText('收款人')).toBeNull();
    expect(document.getElementById('review-amount')).toBeNull();
    expect(document.getElementById('review-amount-words')).toBeNull();
    expect(text('review-fee')).toBe('免费');
  });

  test('确认付款 confirms, 取消 cancels', async () => {
    const { onConfirm, onCancel } = renderSheet(review);
    await userEvent.click(document.getElementById('review-confirm')!);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
    await userEvent.click(screen.getByText('取消'));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  test('while the review is asked for: a skeleton, 确认付款 disabled, 取消 still there', async () => {
    const { onConfirm, onCancel } = renderSheet(null);
    expect(document.getElementById('review-skeleton')).not.toBeNull();
    expect(screen.getByText('正在核对付款信息…')).toBeInTheDocument();
    expect(document.getElementById('review-amount')).toBeNull();
    const confirm = document.getElementById('review-confirm')!;
    expect(confirm).toHaveProperty('disabled', true);
    await userEvent.click(confirm);
    expect(onConfirm).not.toHaveBeenCalled();
    await userEvent.click(document.getElementById('review-cancel')!);
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
