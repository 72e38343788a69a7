import { beforeEach, expect, test } from '@jest/globals';
import { screen } from '@testing-library/react';
import type { Me } from '@contract/schemas';
import OpenAccountPage from '@/pages/open-account/index';
import { type FakeApi, fakeApi } from '../support/api';
import { account, signIn } from '../support/examples';
import { renderShown } from '../support/page';

const ME = 'GET /v1/me';

const ready: Me = { customerId: 'cus_01', phoneMasked: '138****0000', realName: { nameMasked: '*靖', idNumberMasked: '1****3', verifiedAt: '2026-03-01T07:00:00.000Z' }, pinSet: true, pinLockedUntil: null, soterEnrolled: null, account: null };

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
});

test('a customer without an account gets the form', async () => {
  api.answer(ME, 200, ready);
  await renderShown(<OpenAccountPage />);
  expect(await screen.findByText('同意并开通')).toBeInTheDocument();
  expect(document.querySelector('#card-number')).not.toBeNull();
});

test('once the account is open, the page says so and shows no form', async () => {
  const { limits: _limits, ...summary } = account;
  api.answer(ME, 200, { ...ready, account: summary });
  await renderShown(<OpenAccountPage />);
  expect(await screen.findByText('电子账户已开通')).toBeInTheDocument();
  expect(screen.getByText(account.accountNumberMasked)).toBeInTheDocument();
  expect(document.querySelector('#card-number')).toBeNull();
  expect(screen.queryByText('同意并开通')).not.toBeInTheDocument();
  expect(api.requests('POST /v1/account')).toHaveLength(0);
});
