// The console's sections and the access flag each needs. The sections after 工作台 are filled by
// the next slices of issue 15; until then each shows that it is on its way.
import {
  AuditOutlined,
  DashboardOutlined,
  DesktopOutlined,
  ReconciliationOutlined,
  ShopOutlined,
  TeamOutlined,
  CustomerServiceOutlined,
  IdcardOutlined,
} from '@ant-design/icons';
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

export const MENU: readonly MenuEntry[] = [
  { path: HOME_PATH, name: '工作台', icon: <DesktopOutlined /> },
  { path: '/products', name: '产品工厂', icon: <ShopOutlined />, access: 'canManageProducts' },
  { path: '/customers', name: '客户服务', icon: <CustomerServiceOutlined />, access: 'canServeCustomers' },
  { path: '/operations', name: '日终与对账', icon: <ReconciliationOutlined />, access: 'canRunOperations' },
  { path: '/dashboards', name: '经营看板', icon: <DashboardOutlined />, access: 'canReadDashboards' },
  { path: '/audit', name: '审计日志', icon: <AuditOutlined />, access: 'canReadAudit' },
  { path: '/operators', name: '操作员管理', icon: <TeamOutlined />, access: 'canManageOperators' },
  { path: '/staff', name: '客户经理', icon: <IdcardOutlined />, access: 'canManageStaff' },
];

export function menuFor(access: Access): MenuEntry[] {
  return MENU.filter((entry) => entry.access === undefined || access[entry.access]);
}
