// The console's sections and the access flag each needs. Only sections that are built are listed:
// each new section comes with its page.
import { AuditOutlined, DesktopOutlined } from '@ant-design/icons';
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

export const MENU: readonly MenuEntry[] = [
  { path: HOME_PATH, name: '工作台', icon: <DesktopOutlined /> },
  { path: AUDIT_PATH, name: '审计日志', icon: <AuditOutlined />, access: 'canReadAudit' },
];

export function menuFor(access: Access): MenuEntry[] {
  return MENU.filter((entry) => entry.access === undefined || access[entry.access]);
}
