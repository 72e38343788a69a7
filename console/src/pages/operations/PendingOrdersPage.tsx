// 待确认理财订单: wealth orders awaiting a day close, earliest confirmation date first, paged by the
// server; the ones the next close confirms are marked, and purchases still inside their
// cooling-off (no close confirms them before it ends) say until when.
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Space, Tag } from 'antd';
import { useState } from 'react';
import { fetchPendingOrders, type PendingOrdersPage as Page } from '@/api/operations';
import { chinaTime, yuan } from './format';
import { useCursorPages } from '@/shell/cursor-pages';

type PendingOrder = Page['orders'][number];
const PAGE_SIZE = 20;

/** Units are kept in hundredths: 5000 → 50.00 份. */
const units = (unitsCenti: number | null) => (unitsCenti === null ? '—' : `${Math.floor(unitsCenti / 100)}.${String(unitsCenti % 100).padStart(2, '0')} 份`);

// Ids are long and rarely read whole: cut short, copied in full. The columns fit a 1440 px screen
// beside the menu without scrolling sideways.
const columns: ProColumns<PendingOrder>[] = [
  { title: '订单号', dataIndex: 'orderId', width: 130, copyable: true, ellipsis: true },
  { title: '类型', key: 'kind', width: 70, render: (_, order) => (order.kind === 'PURCHASE' ? <Tag color="blue">申购</Tag> : <Tag color="purple">赎回</Tag>) },
  { title: '产品', dataIndex: 'productName', width: 140, ellipsis: true },
  { title: '金额 / 份额', key: 'amount', width: 130, align: 'right', render: (_, order) => (order.kind === 'PURCHASE' ? yuan(order.amountFen) : units(order.unitsCenti)) },
  { title: '下单时间', key: 'placedAt', width: 160, render: (_, order) => chinaTime(order.placedAt) },
  // The date and what the next close does with the order, read together.
  {
    title: '确认日',
    key: 'confirmDate',
    width: 130,
    render: (_, order) => (
      <Space direction="vertical" size={2}>
        <span>{order.confirmDate}</span>
        {order.dueAtNextClose ? <Tag color="orange">下次日终确认</Tag> : order.inCoolingOff ? <Tag color="gold">冷静期内</Tag> : <Tag>等待确认日</Tag>}
      </Space>
    ),
  },
  { title: '冷静期至', key: 'cancellableUntil', width: 160, render: (_, order) => chinaTime(order.cancellableUntil) },
  { title: '客户编号', dataIndex: 'customerId', width: 130, copyable: true, ellipsis: true },
];

export function PendingOrdersPage() {
  const pageOf = useCursorPages();
  const [businessDate, setBusinessDate] = useState<string>();
  return (
    <ProTable<PendingOrder>
      headerTitle={businessDate ? `待确认理财订单（营业日 ${businessDate}）` : '待确认理财订单'}
      rowKey="orderId"
      search={false}
      options={false}
      columns={columns}
      scroll={{ x: 1050 }}
      pagination={{ pageSize: PAGE_SIZE, showSizeChanger: false }}
      request={({ current = 1 }) =>
        pageOf('', current, PAGE_SIZE, async (cursor) => {
          const page = await fetchPendingOrders(PAGE_SIZE, cursor);
          setBusinessDate(page.businessDate);
          return { rows: page.orders, nextCursor: page.nextCursor };
        })
      }
    />
  );
}
