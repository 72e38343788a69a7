import { beforeEach, describe, expect, test } from '@jest/globals';
import { act, renderHook, waitFor } from '@testing-library/react';
import { topUp } from '@/api/bank';
import { useSubmit } from '@/hooks/useSubmit';
import { type FakeApi, fakeApi } from '../support/api';
import { refusal, signIn, topUpResult } from '../support/examples';

const TOP_UP = 'POST /v1/account/top-up';
const body = { amountFen: 12345, pin: '123456' };

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
});

function renderSubmit() {
  const { result } = renderHook(() => useSubmit());
  const submit = () => result.current.run((idempotencyKey) => topUp(body, idempotencyKey));
  return { result, submit };
}

function sentKeys(): string[] {
  return api.requests(TOP_UP).map((request) => request.headers['Idempotency-Key']!);
}

describe('useSubmit', () => {
  test('a second run while one is in flight sends nothing; busy until the answer', async () => {
    const reply = api.hold(TOP_UP);
    const { result, submit } = renderSubmit();
    let first!: Promise<unknown>;
    let second!: Promise<unknown>;
    act(() => {
      // Both before React re-renders with busy: the taps a disabled button cannot stop.
      first = submit();
      second = submit();
    });
    await waitFor(() => expect(api.requests(TOP_UP)).toHaveLength(1));
    await expect(second).resolves.toBeUndefined();
    expect(result.current.busy).toBe(true);

    reply(200, topUpResult);
    await act(async () => {
      await expect(first).resolves.toEqual(topUpResult);
    });
    expect(result.current.busy).toBe(false);
    expect(api.requests(TOP_UP)).toHaveLength(1);
  });

  test("a refusal is the error in the server's words; the next attempt is a new submission", async () => {
    api.answer(TOP_UP, 409, refusal('INSUFFICIENT_FUNDS', '绑定卡余额不足，请更换金额'));
    const { result, submit } = renderSubmit();
    await act(async () => {
      await expect(submit()).resolves.toBeUndefined();
    });
    expect(result.current.error).toBe('绑定卡余额不足，请更换金额');

    const reply = api.hold(TOP_UP);
    act(() => void submit());
    expect(result.current.error).toBe('');
    await act(async () => reply(200, topUpResult));

    const [firstKey, secondKey] = sentKeys();
    expect(firstKey).toMatch(/^[0-9a-f]{32}$/);
    expect(secondKey).not.toBe(firstKey);
  });

  test('after a dropped connection the retry keeps the Idempotency-Key (the money may have moved)', async () => {
    api.dropConnection(TOP_UP);
    const { result, submit } = renderSubmit();
    await act(async () => void (await submit()));
    expect(result.current.error).toBe('网络异常，请检查网络后重试');

    api.answer(TOP_UP, 200, topUpResult);
    await act(async () => {
      await expect(submit()).resolves.toEqual(topUpResult);
    });
    const [firstKey, retryKey] = sentKeys();
    expect(retryKey).toBe(firstKey);
  });

  test('resetKey (the customer changed the payload) makes the next attempt a new submission', async () => {
    api.dropConnection(TOP_UP);
    const { result, submit } = renderSubmit();
    await act(async () => void (await submit()));
    act(() => result.current.resetKey());
    await act(async () => void (await submit()));
    const [firstKey, secondKey] = sentKeys();
    expect(secondKey).not.toBe(firstKey);
  });
});
