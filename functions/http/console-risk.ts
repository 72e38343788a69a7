// 风控规则 in the operations console: the anti-fraud rules in force, and a new version submitted
// for a checker (services/risk-rules.ts). Nothing here puts rules in force. And 可疑交易预警:
// the day close's alerts, worked by risk officers (services/aml-monitoring.ts).
import { AML_PAGE_DEFAULT } from '../contract/console-aml-schemas.js';
import { consoleAmlRoutes as amlRoutes, consoleRiskRoutes as routes } from '../contract/console-risk-routes.js';
import { RISK_FIELD_LABELS, RISK_FIELDS } from '../domain/risk-rules.js';
import { type AmlAlertDetailRecord, amlAlertDetail, amlReport, changeAmlAlert, listAmlAlerts } from '../services/aml-monitoring.js';
import type { AmlAlertRecord } from '../store/aml-alerts.js';
import { backtestRiskRuleSet, riskRulesInForce, submitRiskRulesChange } from '../services/risk-rules.js';
import { matchKindOf, NAME_MATCH_RULE_TEXTS, NAME_MATCH_RULES, WATCH_LIST_LABELS, WATCH_LISTS } from '../domain/name-screening.js';
import { submitWatchListChange, watchListInForce } from '../services/watch-list.js';
import { defineConsoleRoute } from './console-route.js';
import { lambda } from './route.js';

const inForce = defineConsoleRoute('consoleRiskRules', routes.consoleRiskRules, async () => {
  const { ruleSet, pendingChangeId } = await riskRulesInForce();
  return {
    ruleSet,
    fields: RISK_FIELDS.map((field) => ({ field, ...RISK_FIELD_LABELS[field] })),
    ...(pendingChangeId ? { pendingChangeId } : {}),
  };
});

const change = defineConsoleRoute('consoleRiskRulesChange', routes.consoleRiskRulesChange, ({ body, operator, now }) => submitRiskRulesChange(body.ruleSet, operator, now));

const backtest = defineConsoleRoute('consoleRiskRulesBacktest', routes.consoleRiskRulesBacktest, ({ body, now }) => backtestRiskRuleSet(body.ruleSet, body.days, now));

/** What an officer sees of an alert: not its account's internal id, the evidence ids or its version. */
const alertView = ({ alertId, date, pattern, customerId, customerNameMasked, accountNumberMasked, summary, status, openedAt, updatedAt, reason }: AmlAlertRecord) => ({
  alertId,
  date,
  pattern,
  customerId,
  customerNameMasked,
  accountNumberMasked,
  summary,
  status,
  openedAt,
  updatedAt,
  reason,
});
const detailView = ({ alert, ...rest }: AmlAlertDetailRecord) => ({ alert: alertView(alert), ...rest });

const amlAlerts = defineConsoleRoute('consoleAmlAlerts', amlRoutes.consoleAmlAlerts, async ({ query }) => {
  const page = await listAmlAlerts(query.status, query.limit ?? AML_PAGE_DEFAULT, query.cursor);
  return { alerts: page.alerts.map(alertView), nextCursor: page.nextCursor };
});
const amlAlert = defineConsoleRoute('consoleAmlAlert', amlRoutes.consoleAmlAlert, async ({ params }) => detailView(await amlAlertDetail(params.alertId)));
const closeAml = defineConsoleRoute('consoleCloseAmlAlert', amlRoutes.consoleCloseAmlAlert, async ({ params, body, operator, now }) =>
  detailView(await changeAmlAlert(params.alertId, 'close', body.reason, operator, now)),
);
const reportAml = defineConsoleRoute('consoleReportAmlAlert', amlRoutes.consoleReportAmlAlert, async ({ params, body, operator, now }) =>
  detailView(await changeAmlAlert(params.alertId, 'report', body.reason, operator, now)),
);
const amlReportFile = defineConsoleRoute('consoleAmlReport', amlRoutes.consoleAmlReport, async ({ params }) => {
  const report = await amlReport(params.alertId);
  return { ...report, alert: alertView(report.alert) };
});

const watchList = defineConsoleRoute('consoleWatchList', amlRoutes.consoleWatchList, async () => {
  const { watchList: inForceList, pendingChangeId } = await watchListInForce();
  return {
    watchList: inForceList,
    lists: WATCH_LISTS.map((list) => ({ list, label: WATCH_LIST_LABELS[list] })),
    rules: NAME_MATCH_RULES.map((rule) => ({ rule, kind: matchKindOf(rule), text: NAME_MATCH_RULE_TEXTS[rule] })),
    ...(pendingChangeId ? { pendingChangeId } : {}),
  };
});

const watchListChange = defineConsoleRoute('consoleWatchListChange', amlRoutes.consoleWatchListChange, ({ body, operator, now }) => submitWatchListChange(body.watchList, operator, now));

export const handler = lambda([inForce, change, backtest, amlAlerts, amlAlert, closeAml, reportAml, amlReportFile, watchList, watchListChange]);
