// Routes of 风控规则 (anti-fraud rules) for risk officers: reading needs risk.rules.read; a new
// version only ever becomes a change for a checker (console-change-routes.ts approves it). And
// 可疑交易预警: the day close's suspicious-pattern alerts, worked to a close or a report.
import { ChangeRequestView } from './console-change-schemas.js';
import * as a from './console-aml-schemas.js';
import * as c from './console-risk-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const consoleRiskRoutes = {
  consoleRiskRules: {
    method: 'GET',
    path: '/v1/console/risk-rules',
    summary: 'Operator: the anti-fraud rule set in force, with the condition fields\' labels and units',
    auth: 'console',
    permission: 'risk.rules.read',
    idempotent: false,
    response: c.RiskRulesView,
  },
  consoleRiskRulesChange: {
    method: 'POST',
    path: '/v1/console/risk-rules/changes',
    summary: 'Maker: submit a new version of the anti-fraud rules for a checker (400 CHANGE_EMPTY; 409 RISK_RULES_VERSION, CHANGE_PENDING)',
    auth: 'console',
    permission: 'risk.rules.draft',
    idempotent: false,
    body: c.RiskRulesChangeRequest,
    response: ChangeRequestView,
  },
  consoleRiskRulesBacktest: {
    method: 'POST',
    path: '/v1/console/risk-rules/backtest',
    summary: 'Risk officer: try a rule set on the transfers of the last days (each on the numbers it was judged on); writes nothing',
    auth: 'console',
    permission: 'risk.rules.draft',
    idempotent: false,
    body: c.RiskRulesBacktestRequest,
    response: c.RiskRulesBacktestView,
  },
} as const satisfies Record<string, RouteSpec>;

export const consoleAmlRoutes = {
  consoleAmlAlerts: {
    method: 'GET',
    path: '/v1/console/aml-alerts',
    summary: "Risk officer: the day close's suspicious-pattern alerts, newest date first, by status",
    auth: 'console',
    permission: 'aml.alerts.read',
    idempotent: false,
    query: a.AmlAlertsQuery,
    response: a.AmlAlertsPage,
  },
  consoleAmlAlert: {
    method: 'GET',
    path: '/v1/console/aml-alerts/{alertId}',
    summary: 'Risk officer: one alert with the movements that met its rule and its timeline',
    auth: 'console',
    permission: 'aml.alerts.read',
    idempotent: false,
    params: a.AmlAlertParams,
    response: a.AmlAlertDetail,
  },
  consoleCloseAmlAlert: {
    method: 'POST',
    path: '/v1/console/aml-alerts/{alertId}/close',
    summary: 'Risk officer: close an open alert as not suspicious, with a reason (409 AML_ALERT_CLOSED, AML_ALERT_CHANGED, AML_LARGE_VALUE_MUST_REPORT); audited',
    auth: 'console',
    permission: 'aml.alerts.work',
    idempotent: false,
    params: a.AmlAlertParams,
    body: a.AmlAlertStepRequest,
    response: a.AmlAlertDetail,
  },
  consoleReportAmlAlert: {
    method: 'POST',
    path: '/v1/console/aml-alerts/{alertId}/report',
    summary: 'Risk officer: file the report of an open alert (suspicious or large-value), with a reason (409 AML_ALERT_CLOSED, AML_ALERT_CHANGED); audited',
    auth: 'console',
    permission: 'aml.alerts.work',
    idempotent: false,
    params: a.AmlAlertParams,
    body: a.AmlAlertStepRequest,
    response: a.AmlAlertDetail,
  },
  consoleAmlReport: {
    method: 'GET',
    path: '/v1/console/aml-alerts/{alertId}/report',
    summary: 'Risk officer: the report filed from an alert, as one structured file (404 AML_REPORT_NOT_FOUND before it is filed)',
    auth: 'console',
    permission: 'aml.alerts.read',
    idempotent: false,
    params: a.AmlAlertParams,
    response: a.AmlReport,
  },
  consoleWatchList: {
    method: 'GET',
    path: '/v1/console/watch-list',
    summary: 'Risk officer: the watch lists in force (涉恐、制裁、本行关注名单) that customers are screened against, with the matching rules in words',
    auth: 'console',
    permission: 'aml.alerts.read',
    idempotent: false,
    response: a.WatchListView,
  },
  consoleWatchListChange: {
    method: 'POST',
    path: '/v1/console/watch-list/changes',
    summary: 'Maker: submit a new version of the watch lists for a checker (400 CHANGE_EMPTY; 409 WATCH_LIST_VERSION, CHANGE_PENDING); once approved, customers named exactly as an added entry are screened',
    auth: 'console',
    permission: 'aml.watchlist.draft',
    idempotent: false,
    body: a.WatchListChangeRequest,
    response: ChangeRequestView,
  },
} as const satisfies Record<string, RouteSpec>;
