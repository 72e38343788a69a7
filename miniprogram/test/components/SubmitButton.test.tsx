import { describe, expect, jest, test } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SubmitButton } from '@/components/SubmitButton';

describe('SubmitButton', () => {
  test('idle: shows its label, is enabled and a tap calls onClick', async () => {
    const onClick = jest.fn();
    render(
      <SubmitButton id='submit' busy={false} onClick={onClick}>
        确认充值
      </SubmitButton>,
    );
    const button = screen.getByText('确认充值');
    expect(button).toHaveProperty('disabled', false);
    await userEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  test('busy: relabelled 处理中…, disabled, and a tap does nothing', async () => {
    const onClick = jest.fn();
    render(
      <SubmitButton id='submit' busy onClick={onClick}>
        确认充值
      </SubmitButton>,
    );
    expect(screen.queryByText('确认充值')).toBeNull();
    const button = screen.getByText('处理中…');
    expect(button).toHaveProperty('disabled', true);
    await userEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });
});
