import { beforeEach, describe, expect, test } from '@jest/globals';
import { act, renderHook, waitFor } from '@testing-library/react';
import { topUp, transfer } from '@/api/bank';
import { customerRequest } from '@/api/http';
import { useSubmit } from '@/hooks/useSubmit';
import { type FakeApi, fakeApi } from '../support/api';
import { refusal, signIn, topUpResult } from '../support/examples';

const TOP_UP = 'POST /v1/account/top-up';
const secondFactor = (nonce: string) => ({ nonce, pinCipher: 'ab'.repeat(97) });
const body = { amountFen: 12345, secondFactor: secondFactor('v1.nonce-a.sig') };

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
});

function renderSubmit() {
  const { result } = renderHook(() => useSubmit());
  /** Submits `sent` (by default `body`) as the forms do: the request and the body it carries. */
  const submit = (sent: typeof body = body) => result.current.run((idempotencyKey) => topUp(sent, idempotencyKey), sent);
  return { result, submit };
}

/** Submits each body in turn into a connection that drops, and returns the keys sent. */
async function keysOverDroppedConnection(...bodies: (typeof body)[]): Promise<string[]> {
  api.dropConnection(TOP_UP);
  const { result, submit } = renderSubmit();
  for (const sent of bodies) {
    await act(async () => void (await submit(sent)));
    expect(result.current.error).toBe('网络异常，请检查网络后重试');
  }
  return sentKeys();
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

  // Refused by the rules: the server stores the refusal as the key's answer (ARCHITECTURE.md).
  test.each([
    [422, 'INSUFFICIENT_FUNDS', '绑定卡余额不足，请更换金额'],
    [400, 'VALIDATION_FAILED', '请求参数有误：amountFen'],
    [404, 'PAYEE_NOT_FOUND', '未找到该手机号对应的近邻银行账户'],
  ])("a final refusal (%i %s) is the error in the server's words; the next attempt is a new submission", async (status, code, message) => {
    api.answer(TOP_UP, status, refusal(code, message));
    const { result, submit } = renderSubmit();
    await act(async () => {
      await expect(submit()).resolves.toBeUndefined();
    });
    expect(result.current.error).toBe(message);

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

  test('the same body typed again after a dropped connection keeps its key, whatever second factor comes with it', async () => {
    const [first, retry, otherNonce] = await keysOverDroppedConnection(body, { ...body }, { ...body, secondFactor: secondFactor('v1.nonce-b.sig') });
    // The server's idempotency hash leaves the second factor out: a retry under a new nonce and
    // PIN is the same request.
    expect(retry).toBe(first);
    expect(otherNonce).toBe(first);
  });

  test('a new PIN (newPin, a second factor of its own) is left out of the key too', async () => {
    const SET_PIN = 'POST /v1/me/pin';
    api.dropConnection(SET_PIN);
    const { result } = renderHook(() => useSubmit());
    for (const sent of [{ newPin: secondFactor('v1.nonce-a.sig') }, { newPin: secondFactor('v1.nonce-b.sig'), secondFactor: secondFactor('v1.nonce-b.sig') }]) {
      const send = (idempotencyKey: string) => customerRequest({ method: 'POST', path: '/v1/me/pin', body: sent, idempotencyKey });
      await act(async () => void (await result.current.run(send, sent)));
    }
    const [first, second] = api.requests(SET_PIN).map((request) => request.headers['Idempotency-Key']);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(second).toBe(first);
  });

  test('the same body built in another order is the same request', async () => {
    const TRANSFER = 'POST /v1/account/transfer';
    api.dropConnection(TRANSFER);
    const { result } = renderHook(() => useSubmit());
    for (const sent of [
      { toPhone: '13900008888', amountFen: 12345, secondFactor: secondFactor('v1.nonce-a.sig'), memo: '房租' },
      { memo: '房租', secondFactor: secondFactor('v1.nonce-a.sig'), amountFen: 12345, toPhone: '13900008888' },
    ]) {
      await act(async () => void (await result.current.run((idempotencyKey) => transfer(sent, idempotencyKey), sent)));
    }
    const [first, reordered] = api.requests(TRANSFER).map((request) => request.headers['Idempotency-Key']);
    expect(reordered).toBe(first);
  });

  test('a different body is a new submission; going back to the first body sends its key again', async () => {
    const changed = { ...body, amountFen: 12346 };
    const [first, second, back] = await keysOverDroppedConnection(body, changed, body);
    expect(second).not.toBe(first);
    // The first may have moved the money: sending its body again must not move it twice.
    expect(back).toBe(first);
  });

  test.each([
    [409, 'REQUEST_IN_PROGRESS', '该请求正在处理中，请勿重复提交'],
    [403, 'PIN_INCORRECT', '支付密码错误，还可尝试 2 次'],
    [403, 'NONCE_EXPIRED', '支付验证已超时，请重新发起'],
    [503, 'UNAVAILABLE', '服务暂时不可用，请稍后重试'],
  ])('an answer the server does not keep as final (%i %s) keeps the key for the retry', async (status, code, message) => {
    api.answer(TOP_UP, status, refusal(code, message));
    const { result, submit } = renderSubmit();
    await act(async () => void (await submit()));
    expect(result.current.error).toBe(message);

    api.answer(TOP_UP, 200, topUpResult);
    await act(async () => {
      await expect(submit()).resolves.toEqual(topUpResult);
    });
    const [firstKey, retryKey] = sentKeys();
    expect(retryKey).toBe(firstKey);
  });
});
