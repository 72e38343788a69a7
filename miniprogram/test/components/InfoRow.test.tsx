import { describe, expect, test } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { InfoRow } from '@/components/InfoRow';

describe('InfoRow', () => {
  test('shows the label and, beside it, the value as given', () => {
    render(<InfoRow label='今日剩余转出额度' value='¥4,321.09' />);
    expect(screen.getByText('今日剩余转出额度').nextElementSibling).toHaveTextContent(/^¥4,321\.09$/);
  });

  test('the value carries the id it is given', () => {
    render(<InfoRow label='账户余额' value='¥99,999.99' id='result-balance' />);
    expect(document.querySelector('#result-balance')).toHaveTextContent(/^¥99,999\.99$/);
  });

  test('without an id nothing gets one (not id="undefined")', () => {
    const { container } = render(
      <>
        <InfoRow label='绑定卡' value='中国工商银行 **** 8888' />
        <InfoRow label='电子账户' value='6230 **** **** 4321' />
      </>,
    );
    expect(screen.getByText('中国工商银行 **** 8888')).not.toHaveAttribute('id');
    expect(container.querySelectorAll('[id]')).toHaveLength(0);
  });
});
