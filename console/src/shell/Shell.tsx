// The signed-in console: ProLayout with the menu the operator's access allows, the pages, and
// sign-out. Loaded lazily after sign-in (App.tsx), so the sign-in page does not carry it.
import { LogoutOutlined } from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { Dropdown, Result, Skeleton } from 'antd';
import { Suspense, lazy, useEffect, useMemo, type ReactNode } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { fetchMe, signOut } from '@/api/console';
import type { ConsoleSignIn } from '@/api/types';
import { endSession, startSession } from '@/session';
import { AuditLog } from '@/pages/AuditLog';
import { Workbench } from '@/pages/Workbench';
import { accessFor } from './access';
import {
  AML_ALERTS_PATH,
  WATCH_LIST_PATH,
  MERCHANT_REVIEWS_PATH,
  PARTNERS_PATH,
  AUDIT_PATH,
  CHANGES_PATH,
  DASHBOARD_PATH,
  HOME_PATH,
  layoutRoutes,
  MENU,
  menuFor,
  OPERATIONS_PATH,
  OPERATORS_PATH,
  PRODUCTS_PATH,
  RISK_RULES_PATH,
  SERVICE_PATH,
  STAFF_PATH,
  type MenuEntry,
} from './menu';

// Sections with pages of their own (and forms, tables, the contract's checks) load when opened.
const ProductFactory = lazy(() => import('@/pages/products/ProductFactory'));
const ChangeCenter = lazy(() => import('@/pages/changes/ChangeCenter'));
const ServiceDesk = lazy(() => import('@/pages/service/ServiceDesk'));
const Operations = lazy(() => import('@/pages/operations/Operations'));
const StaffManagement = lazy(() => import('@/pages/staff/StaffManagement'));
const OperatorManagement = lazy(() => import('@/pages/operators/OperatorManagement'));
const RiskManagement = lazy(() => import('@/pages/risk/RiskRules'));
const AmlAlerts = lazy(() => import('@/pages/risk/AmlAlertsPage'));
const WatchList = lazy(() => import('@/pages/risk/WatchListPage'));
const Partners = lazy(() => import('@/pages/open/PartnersPage'));
const MerchantReviews = lazy(() => import('@/pages/open/MerchantReviewsPage'));
// The chart library comes with this page only (docs/BENCHMARKS.md item 7: the chart chunk).
const Dashboard = lazy(() => import('@/pages/dashboard/Dashboard'));

interface Props {
  session: ConsoleSignIn;
}

async function signOutNow(): Promise<void> {
  // The session ends here whatever the server answers: a token it already refuses is no loss.
  await signOut().catch(() => undefined);
  endSession();
}

const PAGES: Record<string, (session: ConsoleSignIn) => ReactNode> = {
  [HOME_PATH]: (session) => <Workbench operator={session.operator} />,
  [AUDIT_PATH]: () => <AuditLog />,
  [OPERATIONS_PATH]: (session) => <Operations operator={session.operator} />,
  [PRODUCTS_PATH]: (session) => <ProductFactory operator={session.operator} />,
  [CHANGES_PATH]: (session) => <ChangeCenter operator={session.operator} />,
  [SERVICE_PATH]: (session) => <ServiceDesk operator={session.operator} />,
  [STAFF_PATH]: () => <StaffManagement />,
  [OPERATORS_PATH]: (session) => <OperatorManagement operator={session.operator} />,
  [DASHBOARD_PATH]: () => <Dashboard />,
  [RISK_RULES_PATH]: (session) => <RiskManagement operator={session.operator} />,
  [AML_ALERTS_PATH]: (session) => <AmlAlerts operator={session.operator} />,
  [WATCH_LIST_PATH]: (session) => <WatchList operator={session.operator} />,
  [PARTNERS_PATH]: (session) => <Partners operator={session.operator} />,
  [MERCHANT_REVIEWS_PATH]: (session) => <MerchantReviews operator={session.operator} />,
};

function pageFor(entry: MenuEntry, session: ConsoleSignIn): ReactNode {
  const page = PAGES[entry.path];
  if (!page) throw new Error(`the menu entry ${entry.path} has no page`);
  return <Suspense fallback={<Skeleton active style={{ padding: 24 }} />}>{page(session)}</Suspense>;
}

function Layout({ session }: Props) {
  const location = useLocation();
  // A stored session may be older than the operator's roles (or revoked: a 401 ends it here).
  useEffect(() => {
    fetchMe().then(
      (operator) => startSession({ ...session, operator }),
      () => undefined,
    );
  }, [session.accessToken]);
  const menu = useMemo(() => menuFor(accessFor(session.operator)), [session.operator]);
  const { displayName } = session.operator;
  return (
    <ProLayout
      title="近邻银行 运营中台"
      logo={false}
      layout="mix"
      fixSiderbar
      location={{ pathname: location.pathname }}
      route={{ path: '/', routes: layoutRoutes(menu) }}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      avatarProps={{
        title: displayName,
        size: 'small',
        // The first character, not UTF-16 unit: half of 𠮷 would show as □.
        children: Array.from(displayName)[0],
        render: (_props, avatar) => (
          <Dropdown menu={{ items: [{ key: 'sign-out', icon: <LogoutOutlined />, label: '退出登录', onClick: () => void signOutNow() }] }}>
            {avatar}
          </Dropdown>
        ),
      }}
    >
      <Routes>
        <Route path="/" element={<Navigate to={HOME_PATH} replace />} />
        {menu.map((entry) => (
          // A section's own pages (a product, a change) are routes under its path.
          <Route key={entry.path} path={`${entry.path}/*`} element={pageFor(entry, session)} />
        ))}
        {MENU.filter((entry) => !menu.includes(entry)).map((entry) => (
          <Route key={entry.path} path={`${entry.path}/*`} element={<Result status="403" title="无权访问" subTitle="您的角色没有使用该功能的权限。" />} />
        ))}
        <Route path="*" element={<Result status="404" title="页面不存在" />} />
      </Routes>
    </ProLayout>
  );
}

export default function Shell({ session }: Props) {
  return (
    <BrowserRouter>
      <Layout session={session} />
    </BrowserRouter>
  );
}
