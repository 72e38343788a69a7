import { describe, expect, test } from '@jest/globals';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Text } from '@tarojs/components';
import type { LoanProductView } from '@contract/loan-schemas';
import { LoanTerms } from '@/packageLoan/components/LoanTerms';
import { checkTerms } from '@/packageLoan/form';
import { type ProductPrefill, useProductTerms } from '@/packageLoan/useProductTerms';
import { input, typeInto } from '../support/form';

/** The server's products: each offers its own terms, methods (labelled by the server) and amounts. */
const consumer: LoanProductView = {
  productId: 'jinlin-e-loan',
  version: 3,
  name: '近邻e贷',
  kind: 'CONSUMER',
  minAmountFen: 100000,
  maxAmountFen: 20000000,
  termsMonths: [3, 6, 12],
  methods: [
    { method: 'EQUAL_INSTALLMENT', label: '等额本息（每月还款额相同）' },
    { method: 'INTEREST_FIRST', label: '先息后本' },
  ],
  purposes: [{ purpose: 'CONSUMPTION', label: '日常消费' }],
  requiresBusinessLicence: false,
  coolingOffDays: 7,
  disclosureVersion: 'loan-2026-01',
  rateFromBps: 365,
  rateFromDisplay: '3.65%',
};

const business: LoanProductView = {
  ...consumer,
  productId: 'jinlin-biz-loan',
  name: '近邻经营贷',
  kind: 'BUSINESS',
  minAmountFen: 500000,
  maxAmountFen: 50000000,
  termsMonths: [6, 24],
  methods: [{ method: 'EQUAL_PRINCIPAL', label: '等额本金' }],
  requiresBusinessLicence: true,
};

/**
 * LoanTerms as the calculator, apply and drawdown forms use it: the chosen product and terms from
 * useProductTerms, checked with checkTerms against the product's bounds before any request. The
 * check's outcome is shown as `#checked`.
 */
function Terms({ products = [consumer], prefill = {} }: { products?: LoanProductView[]; prefill?: ProductPrefill }) {
  const { product, selectProduct, terms, setTerms } = useProductTerms(products, prefill);
  const checked = checkTerms(terms, product.minAmountFen, product.maxAmountFen);
  return (
    <>
      <LoanTerms
        idPrefix='calc'
        product={product}
        value={terms}
        onChange={setTerms}
        productChoice={products.length > 1 ? { products, onSelect: selectProduct } : undefined}
      />
      <Text id='checked'>{checked.ok ? `${checked.amountFen} ${checked.termMonths} ${checked.method}` : checked.message}</Text>
    </>
  );
}

function checked(): string | null {
  return document.querySelector('#checked')!.textContent;
}

/** The ids of the chips offered under `prefix`, in order. */
function offered(prefix: string): string[] {
  return Array.from(document.querySelectorAll(`[id^="${prefix}-"]`), (chip) => chip.id);
}

describe('LoanTerms', () => {
  test('offers exactly the terms and methods of the product the server sent, labelled as it sent them', () => {
    render(<Terms />);
    expect(offered('calc-term')).toEqual(['calc-term-3', 'calc-term-6', 'calc-term-12']);
    expect(document.querySelector('#calc-term-6')).toHaveTextContent('6 个月');
    expect(offered('calc-method')).toEqual(['calc-method-EQUAL_INSTALLMENT', 'calc-method-INTEREST_FIRST']);
    expect(document.querySelector('#calc-method-EQUAL_INSTALLMENT')).toHaveTextContent('等额本息（每月还款额相同）');
    expect(document.querySelector('#calc-method-INTEREST_FIRST')).toHaveTextContent('先息后本');
    expect(screen.getByText('借款金额')).toBeInTheDocument();
    expect(offered('calc-product')).toEqual([]);
  });

  test('starts at 12 months and the first method when the product offers them', async () => {
    render(<Terms />);
    await typeInto('calc-amount', '10000');
    expect(checked()).toBe('1000000 12 EQUAL_INSTALLMENT');
  });

  test("a prefill the product does not offer falls back to the product's own choices", async () => {
    render(<Terms prefill={{ amountFen: '1234567', termMonths: '24', method: 'EQUAL_PRINCIPAL' }} />);
    await screen.findByText('借款金额');
    expect(checked()).toBe('1234567 12 EQUAL_INSTALLMENT');
    const amount = await waitFor(() => input('calc-amount'));
    expect(amount.value).toBe('12345.67');
  });

  test('a prefill the product offers is kept', async () => {
    render(<Terms prefill={{ amountFen: '500000', termMonths: '6', method: 'INTEREST_FIRST' }} />);
    await screen.findByText('借款金额');
    expect(checked()).toBe('500000 6 INTEREST_FIRST');
  });

  test('tapping a term or a method chooses it and keeps the rest', async () => {
    render(<Terms />);
    await typeInto('calc-amount', '2500.5');
    await userEvent.click(screen.getByText('3 个月'));
    expect(checked()).toBe('250050 3 EQUAL_INSTALLMENT');
    await userEvent.click(screen.getByText('先息后本'));
    expect(checked()).toBe('250050 3 INTEREST_FIRST');
  });

  test.each([
    ['999.99', '借款金额须在 ¥1,000.00 至 ¥200,000.00 之间'],
    ['200000.01', '借款金额须在 ¥1,000.00 至 ¥200,000.00 之间'],
    ['1000', '100000 12 EQUAL_INSTALLMENT'],
    ['200000', '20000000 12 EQUAL_INSTALLMENT'],
    ['', '请输入金额'],
    ['1000.001', '金额最多保留两位小数'],
  ])("amount %j against the product's bounds: %s", async (amount, outcome) => {
    render(<Terms />);
    await typeInto('calc-amount', amount);
    expect(checked()).toBe(outcome);
  });

  test("with a choice of products, each is offered by name; another one brings its own terms, methods and bounds", async () => {
    render(<Terms products={[consumer, business]} />);
    expect(offered('calc-product')).toEqual(['calc-product-jinlin-e-loan', 'calc-product-jinlin-biz-loan']);
    await typeInto('calc-amount', '1000');
    expect(checked()).toBe('100000 12 EQUAL_INSTALLMENT');

    await userEvent.click(screen.getByText('近邻经营贷'));
    expect(offered('calc-term')).toEqual(['calc-term-6', 'calc-term-24']);
    expect(offered('calc-method')).toEqual(['calc-method-EQUAL_PRINCIPAL']);
    await typeInto('calc-amount', '1000');
    expect(checked()).toBe('借款金额须在 ¥5,000.00 至 ¥500,000.00 之间');
    await typeInto('calc-amount', '5000');
    expect(checked()).toBe('500000 6 EQUAL_PRINCIPAL');
  });
});
