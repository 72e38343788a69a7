// 客户服务 › 查找客户: one exact criterion — phone, e-account number or real name — looked up by the
// server through its keyed blind indexes (no partial matches: the index holds keyed hashes only);
// the matches, masked, in a ProTable; a row opens the customer's 360 view.
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, Button, Card, Form, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ACCOUNT_STATUS_LABELS } from '../../../../functions/domain/customer-service';
import { errorMessage } from '@/api/http';
import { searchCustomers } from '@/api/service';
import type { CustomerMatch, CustomerSearchCriterion } from '@/api/types';

const CRITERIA: { value: CustomerSearchCriterion; label: string; placeholder: string; pattern: RegExp; message: string }[] = [
  { value: 'phone', label: '手机号', placeholder: '11 位手机号', pattern: /^1\d{10}$/, message: '请输入 11 位手机号' },
  { value: 'accountNumber', label: '电子账号', placeholder: '完整电子账户账号', pattern: /^[\d -]{12,30}$/, message: '请输入完整的电子账户账号' },
  { value: 'name', label: '姓名', placeholder: '客户实名（完整姓名）', pattern: /^.{1,30}$/u, message: '请输入 1–30 个字的完整姓名' },
];

export const customerPath = (customerId: string) => `/service/customers/${encodeURIComponent(customerId)}`;

const columns: ProColumns<CustomerMatch>[] = [
  { title: '姓名', dataIndex: 'nameMasked', render: (_, row) => row.nameMasked ?? '未实名' },
  { title: '手机号', dataIndex: 'phoneMasked', render: (_, row) => row.phoneMasked ?? '—' },
  { title: '电子账号', dataIndex: 'accountNumberMasked', render: (_, row) => row.accountNumberMasked ?? '未开户' },
  {
    title: '账户状态',
    dataIndex: 'accountStatus',
    render: (_, row) => (row.accountStatus ? <Tag color={row.accountStatus === 'FROZEN' ? 'error' : row.accountStatus === 'CLOSED' ? 'default' : 'success'}>{ACCOUNT_STATUS_LABELS[row.accountStatus]}</Tag> : '—'),
  },
  { title: '操作', key: 'open', render: (_, row) => <Link to={customerPath(row.customerId)}>查看客户</Link> },
];

interface Values {
  criterion: CustomerSearchCriterion;
  value: string;
}

export function CustomerSearch() {
  const [form] = Form.useForm<Values>();
  const criterion = Form.useWatch('criterion', form) ?? 'phone';
  const rule = CRITERIA.find((option) => option.value === criterion)!;
  const [results, setResults] = useState<CustomerMatch[]>();
  const [searching, setSearching] = useState(false);
  const [refusal, setRefusal] = useState<string>();

  async function search({ criterion: by, value }: Values) {
    setSearching(true);
    setRefusal(undefined);
    try {
      const { customers } = await searchCustomers(by, value.trim());
      setResults(customers);
    } catch (error) {
      setResults(undefined);
      setRefusal(errorMessage(error));
    } finally {
      setSearching(false);
    }
  }

  return (
    <PageContainer title="客户服务" subTitle="按手机号、电子账号或姓名精确查找客户；信息默认脱敏显示">
      <Card>
        <Form form={form} layout="inline" initialValues={{ criterion: 'phone', value: '' }} onFinish={(values) => void search(values)}>
          <Form.Item name="criterion" label="查找方式">
            <Select id="criterion" style={{ width: 120 }} options={CRITERIA.map(({ value, label }) => ({ value, label }))} onChange={() => form.setFields([{ name: 'value', errors: [] }])} />
          </Form.Item>
          <Form.Item name="value" rules={[{ required: true, whitespace: true, message: rule.message }, { pattern: rule.pattern, message: rule.message, transform: (value: string) => value?.trim() }]}>
            <Input id="search-value" style={{ width: 280 }} placeholder={rule.placeholder} allowClear />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={searching}>
              查找
            </Button>
          </Form.Item>
        </Form>
        {refusal && <Alert style={{ marginTop: 16 }} type="error" showIcon message={refusal} />}
      </Card>
      {results && (
        <ProTable<CustomerMatch>
          id="customer-results"
          style={{ marginTop: 16 }}
          rowKey="customerId"
          headerTitle={`查找结果（${results.length} 位客户）`}
          columns={columns}
          dataSource={results}
          search={false}
          options={false}
          pagination={false}
          locale={{ emptyText: '未找到匹配的客户' }}
        />
      )}
    </PageContainer>
  );
}
