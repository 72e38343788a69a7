import { describe, expect, jest, test } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ErrorText, LoadFailed, RemoteStatus } from '@/components/Status';

describe('ErrorText', () => {
  test('shows the message as given, as #error-message', () => {
    render(<ErrorText message='余额不足，请先充值' />);
    expect(screen.getByText('余额不足，请先充值')).toHaveAttribute('id', 'error-message');
  });

  test('renders nothing for no message', () => {
    const { container } = render(<ErrorText message='' />);
    expect(container).toBeEmptyDOMElement();
  });
});

test('while loading, the page shows its skeleton (busy, 加载中… for screen readers), no spinner', () => {
  const { container } = render(<RemoteStatus remote={{ status: 'loading' }} onRetry={jest.fn()} />);
  expect(container.querySelector('#skeleton')).toHaveAttribute('aria-busy', 'true');
  expect(container.querySelectorAll('#skeleton .skeleton').length).toBeGreaterThan(0);
  expect(screen.getByText('加载中…')).toHaveClass('visually-hidden');
  expect(screen.queryByText('重试')).not.toBeInTheDocument();
});

test('LoadFailed shows the failure in its own words and 重试 asks for a retry', async () => {
  const onRetry = jest.fn();
  render(<LoadFailed message='服务暂时不可用，请稍后重试' onRetry={onRetry} />);
  expect(screen.getByText('服务暂时不可用，请稍后重试')).toHaveAttribute('id', 'error-message');
  await userEvent.click(screen.getByText('重试'));
  expect(onRetry).toHaveBeenCalledTimes(1);
});
