// The console's sections and the access flag each needs. Only sections that are built are listed:
// each new section comes with its page. A section may sit in a menu group (风险管理 › 风控规则).
import { AlertOutlined, ApiOutlined, AppstoreAddOutlined, AuditOutlined, CustomerServiceOutlined, DashboardOutlined, DesktopOutlined, SafetyOutlined, ScheduleOutlined, TeamOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Access, AccessFlag } from './access';

export interface MenuGroup {
  path: string;
  name: string;
  icon: ReactNode;
}

export interface MenuEntry {
  path: string;
  name: string;
  /** A section in a group goes without: the group carries the icon. */
  icon?: ReactNode;
  /** Shown to everyone signed in when absent. */
  access?: AccessFlag;
  group?: MenuGroup;
}

export const HOME_PATH = '/workbench';
export const AUDIT_PATH = '/audit';
export const OPERATIONS_PATH = '/operations';
export const PRODUCTS_PATH = '/products';
export const CHANGES_PATH = '/changes';
export const SERVICE_PATH = '/service';
export const STAFF_PATH = '/staff';
export const OPERATORS_PATH = '/operators';
export const DASHBOARD_PATH = '/dashboard';
export const RISK_RULES_PATH = '/risk/rules';
export const AML_ALERTS_PATH = '/risk/aml-alerts';
export const WATCH_LIST_PATH = '/risk/watch-list';
export const PARTNERS_PATH = '/open/partners';
/** A change's page in 复核中心. */
export const changePath = (changeId: string) => `${CHANGES_PATH}/${encodeURIComponent(changeId)}`;
export const MERCHANT_REVIEWS_PATH = '/open/merchant-reviews';

const RISK_GROUP: MenuGroup = { path: '/risk', name: '风险管理', icon: <AlertOutlined /> };
const OPEN_GROUP: MenuGroup = { path: '/open', name: '开放平台', icon: <ApiOutlined /> };

export const MENU: readonly MenuEntry[] = [
  { path: HOME_PATH, name: '工作台', icon: <DesktopOutlined /> },
  { path: DASHBOARD_PATH, name: '经营看板', icon: <DashboardOutlined />, access: 'canReadDashboards' },
  { path: PRODUCTS_PATH, name: '产品工厂', icon: <AppstoreAddOutlined />, access: 'canReadProducts' },
  { path: CHANGES_PATH, name: '复核中心', icon: <SafetyOutlined />, access: 'canReadChanges' },
  { path: SERVICE_PATH, name: '客户服务', icon: <CustomerServiceOutlined />, access: 'canOpenServiceDesk' },
  { path: RISK_RULES_PATH, name: '风控规则', access: 'canReadRiskRules', group: RISK_GROUP },
  { path: AML_ALERTS_PATH, name: '可疑交易预警', access: 'canReadAmlAlerts', group: RISK_GROUP },
  { path: WATCH_LIST_PATH, name: '名单管理', access: 'canReadAmlAlerts', group: RISK_GROUP },
  { path: PARTNERS_PATH, name: '合作方', access: 'canReadPartners', group: OPEN_GROUP },
  { path: MERCHANT_REVIEWS_PATH, name: '商户进件审核', access: 'canReadPartners', group: OPEN_GROUP },
  { path: OPERATIONS_PATH, name: '运营管理', icon: <ScheduleOutlined />, access: 'canReadOperations' },
  { path: STAFF_PATH, name: '客户经理管理', icon: <TeamOutlined />, access: 'canManageStaff' },
  { path: OPERATORS_PATH, name: '运营人员管理', icon: <UserSwitchOutlined />, access: 'canManageOperators' },
  { path: AUDIT_PATH, name: '审计日志', icon: <AuditOutlined />, access: 'canReadAudit' },
];

export function menuFor(access: Access): MenuEntry[] {
  return MENU.filter((entry) => entry.access === undefined || access[entry.access]);
}

export interface LayoutRoute {
  path: string;
  name: string;
  icon?: ReactNode;
  routes?: LayoutRoute[];
}

/** ProLayout's menu: the sections in order, a group's under the group (where its first one stands). */
export function layoutRoutes(menu: readonly MenuEntry[]): LayoutRoute[] {
  const routes: LayoutRoute[] = [];
  for (const { path, name, icon, group } of menu) {
    if (!group) {
      routes.push({ path, name, icon });
      continue;
    }
    let parent = routes.find((route) => route.path === group.path);
    if (!parent) {
      parent = { ...group, routes: [] };
      routes.push(parent);
    }
    parent.routes?.push({ path, name });
  }
  return routes;
}
