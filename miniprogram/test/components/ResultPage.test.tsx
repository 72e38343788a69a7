import { describe, expect, jest, test } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Taro from '@tarojs/taro';
import { InfoRow } from '@/components/InfoRow';
import { BalanceRow, ResultCard, ResultPage } from '@/components/ResultPage';

function byId(id: string): Element | null {
  return document.querySelector(`#${id}`);
}

describe('ResultPage', () => {
  test("shows the server's amount and balance formatted, and the details it is given", () => {
    // Figures unrelated to each other: the page shows each as given and adds nothing up.
    render(
      <ResultPage message='转账成功' amountFen={12345}>
        <InfoRow label='收款人' value='*小明' />
        <BalanceRow balanceFen={9999999} />
      </ResultPage>,
    );
    expect(byId('result-message')).toHaveTextContent(/^转账成功$/);
    expect(byId('result-amount')).toHaveTextContent(/^¥123\.45$/);
    expect(byId('result-balance')).toHaveTextContent(/^¥99,999\.99$/);
    expect(screen.getByText('账户余额').nextElementSibling).toBe(byId('result-balance'));
    expect(screen.getByText('*小明')).toBeInTheDocument();
    expect(screen.getByText('✓')).toBeInTheDocument();
    expect(screen.queryByText('!')).toBeNull();
  });

  test('an amount of zero is shown; none (null) shows no amount', () => {
    const { unmount } = render(<ResultPage message='撤销成功' amountFen={0} />);
    expect(byId('result-amount')).toHaveTextContent(/^¥0\.00$/);
    unmount();
    render(<ResultPage message='已提交' amountFen={null} />);
    expect(byId('result-amount')).toBeNull();
    expect(screen.queryByText(/¥/)).toBeNull();
  });

  test('the amount and message take the ids they are given', () => {
    render(<ResultPage message='还款成功' messageId='loan-result-message' amountFen={-50000} amountId='loan-result-amount' />);
    expect(byId('loan-result-message')).toHaveTextContent('还款成功');
    expect(byId('loan-result-amount')).toHaveTextContent(/^-¥500\.00$/);
  });

  test('warn: "!" instead of "✓", with the message as given', () => {
    render(
      <ResultPage warn message='提现未成功，资金已退回电子账户' amountFen={12345}>
        <BalanceRow balanceFen={1234567} />
      </ResultPage>,
    );
    expect(screen.getByText('!')).toBeInTheDocument();
    expect(screen.queryByText('✓')).toBeNull();
    expect(byId('result-message')).toHaveTextContent('提现未成功，资金已退回电子账户');
    expect(byId('result-balance')).toHaveTextContent('¥12,345.67');
  });

  test('返回首页 restarts at home; the next action is a second button that does what it is given', async () => {
    const onNext = jest.fn();
    render(<ResultPage message='购买成功' amountFen={100000} next={{ id: 'to-holdings', label: '查看持仓', onClick: onNext }} />);
    const home = screen.getByText('返回首页');
    expect(home).toHaveAttribute('id', 'back-home');
    expect(Array.from(home.parentElement!.children, (button) => button.textContent)).toEqual(['返回首页', '查看持仓']);
    await userEvent.click(home);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
    expect(onNext).not.toHaveBeenCalled();

    const next = screen.getByText('查看持仓');
    expect(next).toHaveAttribute('id', 'to-holdings');
    await userEvent.click(next);
    expect(onNext).toHaveBeenCalledTimes(1);
    expect(Taro.reLaunch).toHaveBeenCalledTimes(1);
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  test('without a next action there is only 返回首页', () => {
    render(<ResultPage message='充值成功' amountFen={100} />);
    const actions = screen.getByText('返回首页').parentElement!;
    expect(Array.from(actions.children, (button) => button.textContent)).toEqual(['返回首页']);
  });
});

describe('ResultCard', () => {
  test('a labelled headline figure under its id, and the details', () => {
    render(
      <ResultCard message='审批通过' messageId='decision-message' figure={{ value: '¥50,000.00', id: 'decision-limit', label: '授信额度' }}>
        <InfoRow label='年化利率（单利）' value='6.51%' />
      </ResultCard>,
    );
    expect(byId('decision-message')).toHaveTextContent('审批通过');
    expect(byId('decision-limit')).toHaveTextContent(/^¥50,000\.00$/);
    expect(screen.getByText('授信额度')).toBeInTheDocument();
    expect(screen.getByText('年化利率（单利）').nextElementSibling).toHaveTextContent('6.51%');
  });

  test('warn without a figure: "!", the message, nothing else', () => {
    const { container } = render(<ResultCard warn message='很遗憾，本次申请未通过' />);
    expect(screen.getByText('!')).toBeInTheDocument();
    expect(byId('result-message')).toHaveTextContent('很遗憾，本次申请未通过');
    expect(container).toHaveTextContent(/^!很遗憾，本次申请未通过$/);
  });
});

test('BalanceRow: 账户余额 and the balance the server answered, formatted, as #result-balance', () => {
  render(<BalanceRow balanceFen={123456789012} />);
  expect(screen.getByText('账户余额').nextElementSibling).toHaveTextContent(/^¥1,234,567,890\.12$/);
  expect(byId('result-balance')).toHaveTextContent('¥1,234,567,890.12');
});
