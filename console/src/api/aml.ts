// 可疑交易预警's routes (/v1/console/aml-alerts*): the day close's suspicious-pattern alerts by
// status, one alert with its evidence and timeline, an officer's closing step (排除可疑 or 提交可疑交易报告,
// each with a reason), and the report filed. Typed from the contract (`import type` only); the
// server checks each permission and audits each step.
import type * as z from 'zod/mini';
import type { AmlAlertDetail as AmlAlertDetailView, AmlAlertsPage, AmlAlertView, AmlReport as AmlReportSchema } from '@contract/console-aml-schemas';
import { consoleRequest } from './http';

export type AmlAlert = AmlAlertView;
export type AmlAlertDetail = AmlAlertDetailView;
export type AmlMovement = AmlAlertDetail['movements'][number];
export type AmlEvent = AmlAlertDetail['events'][number];
export type AmlAlertStatus = AmlAlert['status'];
export type AmlPattern = AmlAlert['pattern'];
export type AmlAlertList = z.infer<typeof AmlAlertsPage>;
export type AmlReport = z.infer<typeof AmlReportSchema>;

export const fetchAmlAlerts = (status: AmlAlertStatus | undefined, limit: number, cursor?: string | null): Promise<AmlAlertList> =>
  consoleRequest({ method: 'GET', path: '/v1/console/aml-alerts', query: { limit: String(limit), ...(cursor ? { cursor } : {}), ...(status ? { status } : {}) } });

const alertPath = (alertId: string) => `/v1/console/aml-alerts/${encodeURIComponent(alertId)}`;

export const fetchAmlAlert = (alertId: string): Promise<AmlAlertDetail> => consoleRequest({ method: 'GET', path: alertPath(alertId) });

/** 排除可疑，结案. */
export const closeAmlAlert = (alertId: string, reason: string): Promise<AmlAlertDetail> => consoleRequest({ method: 'POST', path: `${alertPath(alertId)}/close`, body: { reason } });

/** 提交可疑交易报告. */
export const reportAmlAlert = (alertId: string, reason: string): Promise<AmlAlertDetail> => consoleRequest({ method: 'POST', path: `${alertPath(alertId)}/report`, body: { reason } });

/** The report filed from a REPORTED alert (404 AML_REPORT_NOT_FOUND before it is filed). */
export const fetchAmlReport = (alertId: string): Promise<AmlReport> => consoleRequest({ method: 'GET', path: `${alertPath(alertId)}/report` });
