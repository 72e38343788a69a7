// The wealth screens: total assets with the money in transit (the server's figures), the product's
// headline and its chart by period, and the questionnaire one question a screen.
import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import userEvent from '@testing-library/user-event';
import type { RiskQuestionnaire, WealthHistory } from '@contract/wealth-schemas';
import HoldingsPage from '@/packageWealth/pages/holdings/index';
import WealthProductPage from '@/packageWealth/pages/product/index';
import QuestionnairePage from '@/packageWealth/pages/questionnaire/index';
import { type FakeApi, fakeApi } from '../support/api';
import { signIn } from '../support/examples';
import { renderAt } from '../support/router';
import { assessment, bondFund, holdings } from '../support/wealth-examples';

// The chart's canvas comes from a selector query, which needs a mounted Taro page: stubbed.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual<Record<string, unknown>>('@tarojs/taro');
  const createSelectorQuery = jest.fn();
  return { ...actual, __esModule: true, createSelectorQuery, default: Object.assign(actual.default as object, { createSelectorQuery }) };
});

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  signIn();
});

const text = (id: string) => document.getElementById(id)?.textContent;

describe('holdings', () => {
  test('总资产 is the server’s total, with what is held and what is in transit broken out', async () => {
    api.answer('GET /v1/wealth-holdings', 200, holdings);
    await renderAt('/packageWealth/pages/holdings/index', <HoldingsPage />);
    await screen.findByText('总资产');
    // ¥47,193.69 is not the market value (¥45,693.68): the ¥1,500.01 purchase in transit counts.
    expect(text('holdings-total-value')).toBe('¥47,193.69');
    expect(text('assets-held')).toBe('¥39,917.02');
    expect(text('assets-in-transit')).toBe('¥7,276.67');
    expect(screen.getByText(/申购确认中 ¥1,500\.01，赎回到账中 ¥5,776\.66/)).toBeInTheDocument();
  });
});

const history = (period: WealthHistory['period'], points: [string, string, number][]): WealthHistory => ({
  productId: 'jinlin-bond-a',
  series: 'NAV',
  seriesLabel: '单位净值',
  period,
  periods: [
    { period: '1M', label: '近1月' },
    { period: '3M', label: '近3月' },
    { period: '1Y', label: '近1年' },
    { period: 'ALL', label: '成立以来' },
  ],
  points: points.map(([date, display, yPermille]) => ({ date, value: Number(display.replace('.', '')), display, yPermille })),
  axis: { ticks: [{ display: points[0]![1], yPermille: points[0]![2] }] },
  periodReturn: { bps: 212, display: '+2.12%' },
  lowDisplay: points[0]![1],
  highDisplay: points.at(-1)![1],
});

/** The chart's canvas as the selector query finds it (jsdom draws nothing): 300 px wide at the
 *  page's left edge, its 2D context recording the labels drawn on it. */
function fakeCanvas() {
  const labels: string[] = [];
  const context = new Proxy({ fillText: (label: string) => labels.push(label) } as Record<string, unknown>, {
    get: (target, name) => target[name as string] ?? (() => undefined),
    set: () => true,
  });
  const canvas = { width: 0, height: 0, getContext: () => context };
  const query = {
    select: () => query,
    fields: () => query,
    boundingClientRect: () => query,
    exec: (callback: (found: unknown[]) => void) => callback([{ node: canvas }, { width: 300, left: 0 }]),
  };
  jest.mocked(Taro.createSelectorQuery).mockReturnValue(query as unknown as Taro.SelectorQuery);
  return labels;
}

describe('product', () => {
  const PRODUCT = 'GET /v1/wealth-products/jinlin-bond-a';
  const HISTORY = 'GET /v1/wealth-products/jinlin-bond-a/history';

  test('headlined by its 1-year return, not the NAV; the chart loads the period of the tab tapped', async () => {
    const labels = fakeCanvas();
    api.answer(PRODUCT, 200, bondFund);
    api.answerEach(HISTORY, (request) =>
      request.query.get('period') === '1Y'
        ? { status: 200, body: history('1Y', [['2025-03-01', '1.0021', 90], ['2026-03-01', '1.0234', 910]]) }
        : { status: 200, body: history('1M', [['2026-02-01', '1.0187', 100], ['2026-03-01', '1.0234', 900]]) },
    );
    await renderAt('/packageWealth/pages/product/index?productId=jinlin-bond-a', <WealthProductPage />);
    await screen.findByText('近1年收益率（2026-03-01）');
    expect(text('product-headline')).toBe('+3.12%');
    expect(await screen.findByText('近3月')).toBeInTheDocument();
    expect(api.requests(HISTORY).map((request) => request.query.get('period'))).toEqual(['1M']);
    // The readout shows the latest point until another is touched.
    expect(text('chart-readout')).toBe('2026-03-01单位净值 1.0234');
    // The axis' tick and the period's first and last dates are drawn on the canvas.
    await waitFor(() => expect(labels).toEqual(expect.arrayContaining(['1.0187', '2026-02-01', '2026-03-01'])));
    // A touch near the left end reads the first point (the plot starts 56 px in).
    fireEvent.touchStart(document.getElementById('product-chart')!, { touches: [{ clientX: 60 }] });
    await waitFor(() => expect(text('chart-readout')).toBe('2026-02-01单位净值 1.0187'));
    await userEvent.click(screen.getByText('近1年'));
    await waitFor(() => expect(text('chart-period-return')).toBe('区间 +2.12%'));
    expect(api.requests(HISTORY).map((request) => request.query.get('period'))).toEqual(['1M', '1Y']);
    expect(document.getElementById('chart-period-1Y')?.getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(text('chart-readout')).toBe('2026-03-01单位净值 1.0234'));
    await waitFor(() => expect(labels).toContain('2025-03-01'));
  });
});

const questionnaire: RiskQuestionnaire = {
  questionnaireVersion: 'risk-2026-12',
  validityMonths: 12,
  questions: [
    { questionId: 'q01', text: '您的年龄段是？', options: ['18–25 岁', '26–45 岁', '46–55 岁'].map((label, index) => ({ optionId: `q01-${'abc'[index]}`, text: label })) },
    { questionId: 'q02', text: '您的投资经验？', options: ['没有经验', '1 年以下'].map((label, index) => ({ optionId: `q02-${'ab'[index]}`, text: label })) },
  ],
};

describe('questionnaire', () => {
  test('one question a screen with its progress, answers as listed; 上一题 keeps the answer; the last submits', async () => {
    api.answer('GET /v1/wealth-risk-questionnaire', 200, questionnaire);
    api.answer('POST /v1/wealth-risk-assessment', 200, assessment);
    await renderAt('/packageWealth/pages/questionnaire/index', <QuestionnairePage />);
    await screen.findByText('您的年龄段是？');
    expect(text('question-progress')).toBe('第 1/2 题');
    expect(screen.queryByText('您的投资经验？')).toBeNull();
    const options = Array.from(document.querySelectorAll('[id^="answer-q01-"]')).map((node) => node.textContent);
    expect(options).toEqual(['18–25 岁', '26–45 岁', '46–55 岁']);
    expect(screen.queryByText('提交评估')).toBeNull();

    await userEvent.click(screen.getByText('26–45 岁'));
    expect(await screen.findByText('您的投资经验？')).toBeInTheDocument();
    expect(text('question-progress')).toBe('第 2/2 题');
    expect(screen.queryByText('提交评估')).toBeNull();
    await userEvent.click(screen.getByText('上一题'));
    expect(document.getElementById('answer-q01-b')?.getAttribute('aria-checked')).toBe('true');
    await userEvent.click(screen.getByText('26–45 岁'));
    await userEvent.click(screen.getByText('1 年以下'));
    await userEvent.click(screen.getByText('提交评估'));
    expect(await screen.findByText('C3 平衡型')).toBeInTheDocument();
    expect(api.requests('POST /v1/wealth-risk-assessment')[0]!.body).toEqual({
      questionnaireVersion: 'risk-2026-12',
      answers: [
        { questionId: 'q01', optionId: 'q01-b' },
        { questionId: 'q02', optionId: 'q02-b' },
      ],
    });
  });
});
