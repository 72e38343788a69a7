// The product factory (产品工厂) of the operations console: loan products with their versions, a
// draft's preview priced by the customers' calculator rules, and drafts submitted as maker-checker
// changes (services/product-factory.ts). Publishing happens only when a checker approves.
import { consoleProductRoutes as routes } from '../contract/console-product-routes.js';
import { formatRateBps } from '../domain/format.js';
import { consoleLoanProduct, consoleLoanProducts, previewLoanProduct, submitLoanProductChange, submitLprChange } from '../services/product-factory.js';
import { defineConsoleRoute } from './console-route.js';
import { productView, scheduleQuoteView } from './loan-views.js';
import { lambda } from './route.js';

const list = defineConsoleRoute('consoleLoanProducts', routes.consoleLoanProducts, async () => {
  const { rows, lprBps, lprPendingChangeId } = await consoleLoanProducts();
  return {
    products: rows.map(({ product, updatedAt, pendingChangeId }) => ({
      productId: product.productId,
      name: product.name,
      kind: product.kind,
      currentVersion: product.version,
      updatedAt,
      ...(pendingChangeId ? { pendingChangeId } : {}),
    })),
    lprBps,
    lprDisplay: formatRateBps(lprBps),
    ...(lprPendingChangeId ? { lprPendingChangeId } : {}),
  };
});

const detail = defineConsoleRoute('consoleLoanProduct', routes.consoleLoanProduct, async ({ params }) => {
  const { current, lprBps, versions, pendingChange } = await consoleLoanProduct(params.productId);
  return {
    current,
    card: productView(current, lprBps),
    versions: versions.map(({ product, publishedAt, provenance }) => ({ version: product.version, publishedAt, ...provenance })),
    ...(pendingChange ? { pendingChange } : {}),
  };
});

const preview = defineConsoleRoute('consoleLoanProductPreview', routes.consoleLoanProductPreview, async ({ body, now }) => {
  const { product, sampleAmountFen: amountFen, sampleTermMonths: termMonths, sampleMethod: method } = body;
  const { product: numbered, lprBps, grade, quote } = await previewLoanProduct(product, { amountFen, termMonths, method }, now);
  return { card: productView(numbered, lprBps), sample: scheduleQuoteView({ productId: product.productId, amountFen, termMonths, method }, { grade, ...quote }), lprBps };
});

const productChange = defineConsoleRoute('consoleLoanProductChange', routes.consoleLoanProductChange, ({ body, operator, now }) =>
  submitLoanProductChange(body.product, body.effectiveAt, operator, now),
);

const lprChange = defineConsoleRoute('consoleLprChange', routes.consoleLprChange, ({ body, operator, now }) =>
  submitLprChange(body.oneYearLprBps, body.effectiveAt, operator, now),
);

export const handler = lambda([list, detail, preview, productChange, lprChange]);
