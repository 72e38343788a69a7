import { beforeEach, describe, expect, test } from '@jest/globals';
import { ApiError, consoleRequest } from '@/api/http';
import { startSession } from '@/session';
import { type FakeApi, fakeApi } from './support/api';

const ME = 'GET /v1/console/me';

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  startSession({
    accessToken: 'token-pm',
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    operator: { operatorId: 'O1', login: 'pm.li', displayName: '李娜', roles: ['PRODUCT_MANAGER'], permissions: ['console.me'] },
  });
});

const me = () => consoleRequest<{ login: string }>({ method: 'GET', path: '/v1/console/me' });

describe('the console’s HTTP client', () => {
  test('a JSON object with a 2xx is the answer, sent with the operator’s token', async () => {
    api.answer(ME, 200, { login: 'pm.li' });
    await expect(me()).resolves.toEqual({ login: 'pm.li' });
    expect(api.requests(ME)[0]!.headers.Authorization).toBe('Bearer token-pm');
  });

  test('a 2xx without a JSON object, or with a crashed function’s errorMessage, is a failure, never an answer', async () => {
    for (const body of [null, [], 'ok', { errorMessage: 'Task timed out' }]) {
      api.answer(ME, 200, body);
      const failure = me();
      await expect(failure).rejects.toBeInstanceOf(ApiError);
      await expect(failure).rejects.toMatchObject({ status: 200, message: '服务暂时不可用，请稍后重试' });
    }
  });

  test('an error answer is an ApiError with the server’s code and words', async () => {
    api.answer(ME, 409, { error: { code: 'CHANGE_PENDING', message: '该对象已有待复核的变更' } });
    await expect(me()).rejects.toMatchObject({ status: 409, code: 'CHANGE_PENDING', message: '该对象已有待复核的变更' });
  });
});
