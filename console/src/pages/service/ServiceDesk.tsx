// 客户服务's pages under /service: the search and a customer's 360 view; the complaint tickets
// (投诉工单) and a ticket. Loaded on demand by the shell.
import { Menu, Result } from 'antd';
import { Link, Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import type { OperatorView } from '@/api/types';
import { type Access, accessFor } from '@/shell/access';
import { ComplaintPage } from './ComplaintPage';
import { ComplaintQueue } from './ComplaintQueue';
import { Customer360Page } from './Customer360Page';
import { CustomerSearch } from './CustomerSearch';

function Customer({ access }: { access: Access }) {
  const { customerId = '' } = useParams();
  const { canRevealCustomers, canFreezeAccounts, canRequestUnfreeze } = access;
  return <Customer360Page key={customerId} customerId={customerId} access={{ canReveal: canRevealCustomers, canFreeze: canFreezeAccounts, canRequestUnfreeze }} />;
}

function Ticket({ access }: { access: Access }) {
  const { ticketId = '' } = useParams();
  return <ComplaintPage key={ticketId} ticketId={ticketId} canAnswer={access.canAnswerComplaints} canCorrect={access.canProposeCorrections} canReadCustomers={access.canReadCustomers} />;
}

/** 查找客户 | 投诉工单, for an operator who has both. */
function DeskMenu() {
  const { pathname } = useLocation();
  return (
    <Menu
      mode="horizontal"
      selectedKeys={[pathname.startsWith('/service/complaints') ? 'complaints' : 'customers']}
      items={[
        { key: 'customers', label: <Link to="/service">查找客户</Link> },
        { key: 'complaints', label: <Link to="/service/complaints">投诉工单</Link> },
      ]}
    />
  );
}

export default function ServiceDesk({ operator }: { operator: OperatorView }) {
  const access = accessFor(operator);
  const notFound = <Result status="404" title="页面不存在" />;
  return (
    <>
      {access.canReadCustomers && access.canReadComplaints && <DeskMenu />}
      <Routes>
        <Route index element={access.canReadCustomers ? <CustomerSearch /> : <Navigate to="complaints" replace />} />
        <Route path="customers/:customerId" element={access.canReadCustomers ? <Customer access={access} /> : notFound} />
        <Route path="complaints" element={access.canReadComplaints ? <ComplaintQueue /> : notFound} />
        <Route path="complaints/:ticketId" element={access.canReadComplaints ? <Ticket access={access} /> : notFound} />
        <Route path="*" element={notFound} />
      </Routes>
    </>
  );
}
