// 可疑交易预警's routes (/v1/console/aml-alerts*): the day close's suspicious-pattern alerts by
// status, one alert with its evidence and timeline, an officer's closing step (排除可疑 or 提交可疑交易报告,
// each with a reason), and the report filed; and 名单管理 (/v1/console/watch-list*). Typed from the contract (`import type` only); the
// server checks each permission and audits each step.
import type * as z from 'zod/mini';
import type { AmlAlertDetail as AmlAlertDetailView, AmlAlertsPage, AmlAlertView, AmlReport as AmlReportSchema, WatchListChangeRequest, WatchListView as WatchListViewSchema } from '@contract/console-aml-schemas';
import { consoleRequest } from './http';
import type { ChangeRequest } from './types';

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

export type WatchListView = z.infer<typeof WatchListViewSchema>;
export type WatchListEntry = WatchListView['watchList']['entries'][number];
export type WatchListChange = z.infer<typeof WatchListChangeRequest>;

/** 名单管理: the watch lists in force, their labels and the matching rules in words. */
export const fetchWatchList = (): Promise<WatchListView> => consoleRequest({ method: 'GET', path: '/v1/console/watch-list' });

/** A new version of the whole list, for a second officer's approval. */
export const submitWatchListChange = (change: WatchListChange): Promise<ChangeRequest> => consoleRequest({ method: 'POST', path: '/v1/console/watch-list/changes', body: change });
