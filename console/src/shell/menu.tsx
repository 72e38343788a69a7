// The console's sections and the access flag each needs. Only sections that are built are listed:
// each new section comes with its page.
import { AppstoreAddOutlined, AuditOutlined, CustomerServiceOutlined, DashboardOutlined, DesktopOutlined, SafetyOutlined, ScheduleOutlined, TeamOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Access, AccessFlag } from './access';

export interface MenuEntry {
  path: string;
  name: string;
  icon: ReactNode;
  /** Shown to everyone signed in when absent. */
  access?: AccessFlag;
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

export const MENU: readonly MenuEntry[] = [
  { path: HOME_PATH, name: '工作台', icon: <DesktopOutlined /> },
  { path: DASHBOARD_PATH, name: '经营看板', icon: <DashboardOutlined />, access: 'canReadDashboards' },
  { path: PRODUCTS_PATH, name: '产品工厂', icon: <AppstoreAddOutlined />, access: 'canReadProducts' },
  { path: CHANGES_PATH, name: '复核中心', icon: <SafetyOutlined />, access: 'canReadChanges' },
  { path: SERVICE_PATH, name: '客户服务', icon: <CustomerServiceOutlined />, access: 'canOpenServiceDesk' },
  { path: OPERATIONS_PATH, name: '运营管理', icon: <ScheduleOutlined />, access: 'canReadOperations' },
  { path: STAFF_PATH, name: '客户经理管理', icon: <TeamOutlined />, access: 'canManageStaff' },
  { path: OPERATORS_PATH, name: '运营人员管理', icon: <UserSwitchOutlined />, access: 'canManageOperators' },
  { path: AUDIT_PATH, name: '审计日志', icon: <AuditOutlined />, access: 'canReadAudit' },
];

export function menuFor(access: Access): MenuEntry[] {
  return MENU.filter((entry) => entry.access === undefined || access[entry.access]);
}
