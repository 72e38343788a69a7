// The product factory's wealth section (理财产品) of the operations console: wealth products with
// their versions and prices, a draft's preview as customers will see it, and drafts, openings,
// closings, NAVs and yields submitted as maker-checker changes (services/wealth-factory.ts).
// Publishing happens only when a checker approves.
import { consoleWealthRoutes as routes } from '../contract/console-wealth-routes.js';
import { riskDisclosure } from '../domain/wealth/product.js';
import {
  consoleWealthProduct,
  consoleWealthProducts,
  previewWealthProduct,
  submitWealthNavChange,
  submitWealthProductChange,
  submitWealthStatusChange,
  submitWealthYieldChange,
} from '../services/wealth-factory.js';
import { defineConsoleRoute } from './console-route.js';
import { lambda } from './route.js';
import { priceView, productView } from './wealth-views.js';

const list = defineConsoleRoute('consoleWealthProducts', routes.consoleWealthProducts, async ({ now }) => {
  const { rows, businessDate } = await consoleWealthProducts(now);
  return {
    products: rows.map(({ quote, updatedAt, pendingChangeId }) => {
      const card = productView(quote);
      return {
        productId: card.productId,
        name: card.name,
        typeLabel: card.typeLabel,
        riskLabel: card.riskLabel,
        status: card.status,
        currentVersion: card.version,
        updatedAt,
        headline: card.headline,
        ...(pendingChangeId ? { pendingChangeId } : {}),
      };
    }),
    businessDate,
  };
});

const detail = defineConsoleRoute('consoleWealthProduct', routes.consoleWealthProduct, async ({ params, now }) => {
  const { quote, versions, prices, pendingChange } = await consoleWealthProduct(params.productId, now);
  return {
    current: quote.product,
    card: productView(quote),
    disclosure: riskDisclosure(quote.product),
    versions: versions.map(({ product, publishedAt, provenance }) => ({ version: product.version, status: product.status, publishedAt, ...provenance })),
    prices: prices.map(priceView),
    businessDate: quote.today,
    ...(pendingChange ? { pendingChange } : {}),
  };
});

const preview = defineConsoleRoute('consoleWealthProductPreview', routes.consoleWealthProductPreview, async ({ body, now }) => {
  const quote = await previewWealthProduct(body.product, now);
  return { card: productView(quote), disclosure: riskDisclosure(quote.product) };
});

const productChange = defineConsoleRoute('consoleWealthProductChange', routes.consoleWealthProductChange, ({ body, operator, now }) =>
  submitWealthProductChange(body.product, body.effectiveAt, operator, now),
);

const statusChange = defineConsoleRoute('consoleWealthStatusChange', routes.consoleWealthStatusChange, ({ params, body, operator, now }) =>
  submitWealthStatusChange(params.productId, body.status, body.effectiveAt, operator, now),
);

const navChange = defineConsoleRoute('consoleWealthNavChange', routes.consoleWealthNavChange, ({ body, operator, now }) => submitWealthNavChange(body, operator, now));

const yieldChange = defineConsoleRoute('consoleWealthYieldChange', routes.consoleWealthYieldChange, ({ body, operator, now }) =>
  submitWealthYieldChange(body, operator, now),
);

export const handler = lambda([list, detail, preview, productChange, statusChange, navChange, yieldChange]);
