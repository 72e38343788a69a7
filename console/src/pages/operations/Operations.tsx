// 运营管理's pages under /operations: 日终批处理, 对账差异, 对账报告, 逾期贷款, 待确认理财订单 and (where the
// server allows it) 业务日期, as tabs each operator sees as their permissions allow. Loaded on
// demand by the shell.
import { PageContainer } from '@ant-design/pro-components';
import { App as AntApp, Result } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import type { OperatorView } from '@/api/types';
import { accessFor } from '@/shell/access';
import { AlertsPage } from './AlertsPage';
import { BusinessDatePage } from './BusinessDatePage';
import { DayClosePage } from './DayClosePage';
import { OverduePage } from './OverduePage';
import { PendingOrdersPage } from './PendingOrdersPage';
import { ReconciliationPage } from './ReconciliationPage';

interface Tab {
  key: string;
  tab: string;
  shown: boolean;
}

export default function Operations({ operator }: { operator: OperatorView }) {
  const access = accessFor(operator);
  const location = useLocation();
  const navigate = useNavigate();
  const tabs: Tab[] = [
    { key: 'day-close', tab: '日终批处理', shown: access.canReadDayClose },
    { key: 'alerts', tab: '对账差异', shown: access.canReadReconciliation },
    { key: 'reconciliation', tab: '对账报告', shown: access.canReadReconciliation },
    { key: 'overdue', tab: '逾期贷款', shown: access.canReadDayClose },
    { key: 'wealth-orders', tab: '待确认理财订单', shown: access.canReadDayClose },
    { key: 'business-date', tab: '业务日期', shown: access.canReadDayClose },
  ].filter((tab) => tab.shown);
  const active = location.pathname.split('/')[2] ?? tabs[0]?.key;
  // antd's App gives the pages their message context (App.useApp).
  return (
    <AntApp>
      <PageContainer title="运营管理" tabList={tabs.map(({ key, tab }) => ({ key, tab }))} tabActiveKey={active} onTabChange={(key) => navigate(`/operations/${key}`)}>
        <Routes>
          <Route index element={tabs[0] ? <Navigate to={tabs[0].key} replace /> : <Result status="403" title="无权访问" />} />
          {access.canReadDayClose && <Route path="day-close" element={<DayClosePage canRun={access.canRunDayClose} />} />}
          {access.canReadReconciliation && <Route path="alerts" element={<AlertsPage canManage={access.canManageReconciliation} />} />}
          {access.canReadReconciliation && <Route path="reconciliation" element={<ReconciliationPage />} />}
          {access.canReadDayClose && <Route path="overdue" element={<OverduePage />} />}
          {access.canReadDayClose && <Route path="wealth-orders" element={<PendingOrdersPage />} />}
          {access.canReadDayClose && <Route path="business-date" element={<BusinessDatePage canMove={access.canRunDayClose} />} />}
          <Route path="*" element={<Result status="403" title="无权访问" subTitle="您的角色没有使用该功能的权限。" />} />
        </Routes>
      </PageContainer>
    </AntApp>
  );
}
