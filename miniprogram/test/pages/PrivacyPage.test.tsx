// 个人信息与隐私: the categories as the server listed them (masked values, purpose, basis,
// retention, how each is corrected); the optional consents start off and toggle; the copy is
// confirmed by the PIN under a nonce asked for this very request (no Idempotency-Key) and the
// file opened; a payee's name corrected; a request to delete answered with the server's rule.
import { beforeEach, expect, jest, test } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ConsentsView, DataCopyFile, PrivacySummary } from '@contract/privacy-schemas';
import PrivacyPage from '@/packagePrivacy/pages/privacy/index';
import { openFile } from '@/lib/open-file';
import { type FakeApi, fakeApi } from '../support/api';
import { signIn } from '../support/examples';
import { typeInto } from '../support/form';
import { renderShown } from '../support/page';
import { authorizationsAsked, decryptPin, issueNonces, payWith, review, secondFactorOf } from '../support/payment';

// jsdom has no object URLs to download through; what matters is what the page hands over.
jest.mock('@/lib/open-file', () => ({
  ...jest.requireActual<typeof import('@/lib/open-file')>('@/lib/open-file'),
  openFile: jest.fn(async () => undefined),
}));

const SUMMARY = 'GET /v1/me/privacy';
const CONSENTS = 'POST /v1/me/consents';
const COPY = 'POST /v1/me/data-copy';
const PAYEE_ID = 'Yabcdefghijklmnop';

const category = (category: PrivacySummary['categories'][number]['category'], title: string, values: PrivacySummary['categories'][number]['values']) => ({
  category,
  title,
  holds: `${title}的内容`,
  purpose: `${title}的用途`,
  legalBasis: '为履行法定义务所必需',
  retention: '销户后保存 10 年',
  values,
});

const consents: ConsentsView['consents'] = [
  { kind: 'MARKETING', title: '接收营销信息', text: '向您介绍产品与活动。', granted: false, changedAt: null },
  { kind: 'PERSONALISATION', title: '个性化推荐', text: '根据您的交易为您推荐产品。', granted: false, changedAt: null },
];

const summary: PrivacySummary = {
  categories: [
    category('IDENTITY', '身份信息', [
      { label: '姓名', value: '欧**', correction: { how: 'COUNTER', text: '已通过实名核验，不能在线修改。' }, payee: null },
      { label: '身份证号', value: '1****************5', correction: { how: 'COUNTER', text: '已通过实名核验，不能在线修改。' }, payee: null },
    ]),
    category('BILLS', '生活缴费', [
      { label: '常用缴费户「家里电费」', value: '32******78', correction: { how: 'HERE', text: '可在此修改备注名。' }, payee: { payeeId: PAYEE_ID, nickname: '家里电费' } },
    ]),
  ],
  consents,
  retentionYears: 10,
  closure: null,
  copyLimits: { postings: 2000, billPayments: 500, wealthOrders: 500, complaints: 200, consentHistory: 100, maxBytes: 3 * 1024 * 1024 },
};

const copyFile = (format: DataCopyFile['format']): DataCopyFile => ({
  format,
  fileName: `近邻银行个人信息副本-2026-03-02.${format.toLowerCase()}`,
  contentType: format === 'JSON' ? 'application/json' : 'application/pdf',
  sizeBytes: 20_480,
  contentBase64: 'e30=',
  truncated: [],
});

let api: FakeApi;
beforeEach(() => {
  jest.mocked(openFile).mockClear();
  api = fakeApi();
  signIn();
  issueNonces(api, { ...review, amountFen: null, amountInWords: null, sourceAccountMasked: null });
  api.answer(SUMMARY, 200, summary);
});

test('the categories as the server listed them: masked values, purpose, basis, retention, and how each is corrected', async () => {
  await renderShown(<PrivacyPage />);
  expect(await screen.findByText('身份信息')).toBeInTheDocument();
  expect(screen.getByText('欧**')).toBeInTheDocument();
  expect(screen.getByText('1****************5')).toBeInTheDocument();
  expect(screen.getAllByText('已通过实名核验，不能在线修改。')).toHaveLength(2);
  expect(screen.getByText('用途：身份信息的用途')).toBeInTheDocument();
  expect(screen.getAllByText('保存期限：销户后保存 10 年')).toHaveLength(2);
  // Only the payee's name is corrected here.
  expect(document.querySelectorAll('[id^="rename-"]')).toHaveLength(1);
});

test('the consents start off, and a tap gives one, as the server answers', async () => {
  api.answer(CONSENTS, 200, {
    consents: [consents[0], { ...consents[1], granted: true, changedAt: '2026-03-02T02:00:00.000Z' }],
    history: [{ kind: 'PERSONALISATION', granted: true, at: '2026-03-02T02:00:00.000Z' }],
  });
  await renderShown(<PrivacyPage />);
  const personalisation = await waitFor(() => document.getElementById('consent-personalisation')!);
  expect(personalisation).toHaveAttribute('aria-checked', 'false');
  expect(document.getElementById('consent-marketing')).toHaveTextContent('已关闭');
  await userEvent.click(personalisation);
  await waitFor(() => expect(document.getElementById('consent-personalisation')).toHaveAttribute('aria-checked', 'true'));
  expect(document.getElementById('consent-personalisation')).toHaveTextContent('已开启');
  expect(screen.getByText(/开启于/)).toBeInTheDocument();
  expect(api.requests(CONSENTS).map((request) => request.body)).toEqual([{ kind: 'PERSONALISATION', granted: true }]);
  // The summary is read again for its count of changes; the switch stays as the server answered.
  await waitFor(() => expect(api.requests(SUMMARY)).toHaveLength(2));
  expect(document.getElementById('consent-personalisation')).toHaveAttribute('aria-checked', 'true');
});

test.each(['JSON', 'PDF'] as const)('the %s copy: the PIN under a nonce for this very request, then the file opens', async (format) => {
  api.answer(COPY, 200, copyFile(format));
  await renderShown(<PrivacyPage />);
  await userEvent.click(await screen.findByText(format === 'JSON' ? '下载 JSON 副本' : '下载 PDF 副本'));
  await payWith('258036');

  await screen.findByText(/已生成 近邻银行个人信息副本/);
  const [sent] = api.requests(COPY);
  expect(sent!.body).toMatchObject({ format });
  expect(decryptPin(secondFactorOf(sent).pinCipher)).toMatchObject({ pin: '258036' });
  // No Idempotency-Key: the nonce is bound to the request alone.
  expect(sent!.headers['Idempotency-Key']).toBeUndefined();
  expect(authorizationsAsked(api)).toEqual([{ method: 'POST', path: '/v1/me/data-copy', body: { format } }]);
  expect(openFile).toHaveBeenCalledWith({ fileName: copyFile(format).fileName, contentType: copyFile(format).contentType, base64: 'e30=' });
});

test('a payee\'s name is corrected and the summary read again; a refusal is shown in the server\'s words', async () => {
  const rename = `POST /v1/bill-payees/${PAYEE_ID}/nickname` as const;
  api.answer(rename, 400, { error: { code: 'VALIDATION_FAILED', message: '请求参数有误：nickname' } });
  await renderShown(<PrivacyPage />);
  await userEvent.click(await waitFor(() => document.getElementById(`rename-${PAYEE_ID}`)!));
  await typeInto(`nickname-${PAYEE_ID}`, '电费<>');
  await userEvent.click(document.getElementById(`save-${PAYEE_ID}`)!);
  expect(await screen.findByText('请求参数有误：nickname')).toBeInTheDocument();

  api.answer(rename, 200, { payeeId: PAYEE_ID, nickname: '父母家电费' });
  await typeInto(`nickname-${PAYEE_ID}`, '父母家电费');
  await userEvent.click(document.getElementById(`save-${PAYEE_ID}`)!);
  await waitFor(() => expect(api.requests(SUMMARY)).toHaveLength(2));
  expect(api.requests(rename).map((request) => request.body)).toEqual([{ nickname: '电费<>' }, { nickname: '父母家电费' }]);
});

test('a request to delete is answered with the retention rule', async () => {
  const rule = '电子账户仍在使用，无法删除个人信息。销户后，依据《反洗钱法》，您的身份资料和交易记录须自销户之日起保存 10 年。';
  api.answer('POST /v1/me/deletion-request', 409, { error: { code: 'DELETION_ACCOUNT_OPEN', message: rule } });
  await renderShown(<PrivacyPage />);
  await userEvent.click(await screen.findByText('申请删除个人信息'));
  expect(await screen.findByText(rule)).toBeInTheDocument();
  expect(document.getElementById('deletion-answer')).not.toBeNull();
});
