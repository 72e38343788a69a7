import { describe, expect, jest, test } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RiskWarningSheet } from '@/components/RiskWarningSheet';

const REASONS = ['您正向首次付款的收款人转出大额资金，请警惕电信网络诈骗', '该笔转账远超您近期的转账金额'];

function renderSheet(reasons = REASONS, delayHours: number | null = null) {
  const onCancel = jest.fn();
  const onContinue = jest.fn();
  render(<RiskWarningSheet title='转账' reasons={reasons} delayHours={delayHours} onCancel={onCancel} onContinue={onContinue} />);
  return { onCancel, onContinue };
}

describe('RiskWarningSheet', () => {
  test("shows 风险提示 with each of the server's reasons as sent, in order, then the standard advice", () => {
    renderSheet();
    expect(screen.getByText('风险提示')).toBeInTheDocument();
    expect(Array.from(document.getElementById('risk-reasons')!.children).map((reason) => reason.textContent)).toEqual(REASONS);
    expect(document.getElementById('risk-advice')).toHaveTextContent(/公检法机关不会通过电话.*要求转账，不存在“安全账户”/);
    expect(document.getElementById('risk-advice')).toHaveTextContent('不要向陌生人转账');
  });

  test('a delayed transfer (延时到账) says for how long it is held and that it can be cancelled until then; a warned one says nothing of it', () => {
    renderSheet(REASONS, 24);
    expect(document.getElementById('risk-delay')).toHaveTextContent('这笔转账将延时 24 小时到账。到账前，您可在交易详情中随时撤销，资金立即退回。');
  });

  test('a warning without a delay has no delay notice', () => {
    renderSheet();
    expect(document.getElementById('risk-delay')).toBeNull();
  });

  test('stopping is the prominent action, going on the secondary one; both name what is paid', () => {
    renderSheet();
    const cancel = document.getElementById('risk-cancel')!;
    const goOn = document.getElementById('risk-continue')!;
    expect(cancel).toHaveTextContent(/^取消转账$/);
    expect(cancel).toHaveClass('btn--primary');
    expect(goOn).toHaveTextContent(/^我已知晓风险，继续转账$/);
    expect(goOn).toHaveClass('btn--ghost');
    expect(goOn).not.toHaveClass('btn--primary');
    // Stopping comes first, where the thumb lands.
    expect(cancel.compareDocumentPosition(goOn) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test('取消转账 and 我已知晓风险，继续转账 each call their own handler once', async () => {
    const { onCancel, onContinue } = renderSheet();
    await userEvent.click(screen.getByText('取消转账'));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onContinue).not.toHaveBeenCalled();
    await userEvent.click(screen.getByText('我已知晓风险，继续转账'));
    expect(onContinue).toHaveBeenCalledTimes(1);
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  test('it cannot be slipped past: no 取消 link at the top, only the two buttons', () => {
    renderSheet(['一条理由']);
    expect(document.querySelector('#risk-sheet .sheet__back[id]')).toBeNull();
    expect(document.querySelectorAll('#risk-sheet button, #risk-sheet taro-button-core')).toHaveLength(2);
    expect(screen.getByText('一条理由')).toBeInTheDocument();
  });
});
