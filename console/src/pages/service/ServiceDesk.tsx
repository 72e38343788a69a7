// 客户服务's pages under /service: the search, and a customer's 360 view. Loaded on demand by the shell.
import { Result } from 'antd';
import { Route, Routes, useParams } from 'react-router';
import type { OperatorView } from '@/api/types';
import { accessFor } from '@/shell/access';
import { Customer360Page } from './Customer360Page';
import { CustomerSearch } from './CustomerSearch';

function Customer({ operator }: { operator: OperatorView }) {
  const { customerId = '' } = useParams();
  const { canRevealCustomers, canFreezeAccounts, canRequestUnfreeze } = accessFor(operator);
  return <Customer360Page key={customerId} customerId={customerId} access={{ canReveal: canRevealCustomers, canFreeze: canFreezeAccounts, canRequestUnfreeze }} />;
}

export default function ServiceDesk({ operator }: { operator: OperatorView }) {
  return (
    <Routes>
      <Route index element={<CustomerSearch />} />
      <Route path="customers/:customerId" element={<Customer operator={operator} />} />
      <Route path="*" element={<Result status="404" title="页面不存在" />} />
    </Routes>
  );
}
