// 更换绑定卡 and its history: PIN-confirmed, no money moves (services/card-change.ts). A function
// of its own: its notices (SMS, the message centre) are code the money routes never bundle.
import { cardChangeRoutes as routes } from '../contract/card-change-routes.js';
import { cardBindings, changeBoundCard } from '../services/card-change.js';
import { cardBindingsView, cardChangeResultView } from './card-views.js';
import { defineRoute } from './confirmed-route.js';
import { lambda } from './route.js';

const changeCard = defineRoute('changeCard', routes.changeCard, async ({ customerId, body, secondFactor, now }) =>
  cardChangeResultView(await changeBoundCard(customerId, { idNumber: body.idNumber, cardNumber: body.cardNumber }, secondFactor, now)),
);

const bindings = defineRoute('cardBindings', routes.cardBindings, async ({ customerId }) => cardBindingsView(await cardBindings(customerId)));

export const handler = lambda([changeCard, bindings]);
