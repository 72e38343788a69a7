// A biller as customers are offered it, the change waiting on it, and — for those who draft —
// 修改 and 暂停服务 / 恢复服务, each a change for a second product manager.
import { EditOutlined, PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, App as AntApp, Button, Descriptions, Popconfirm, Result, Skeleton, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CATEGORY_LABELS } from '../../../../../functions/domain/bills/biller';
import { type BillerDetail as Detail, fetchBiller, submitBillerChange } from '@/api/billers';
import { errorMessage } from '@/api/http';
import type { ChangeRequest } from '@/api/types';
import { chinaTime } from '@/pages/AuditLog';
import { describeAmount, describeFormat } from './describe';

interface Props {
  billerId: string;
  canDraft: boolean;
  changePath(changeId: string): string;
  onSubmitted(change: ChangeRequest): void;
}

type State = { kind: 'loading' } | { kind: 'ready'; detail: Detail } | { kind: 'failed'; message: string };

export function BillerDetail({ billerId, canDraft, changePath, onSubmitted }: Props) {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    fetchBiller(billerId).then(
      (detail) => live && setState({ kind: 'ready', detail }),
      (error: unknown) => live && setState({ kind: 'failed', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [billerId]);

  if (state.kind === 'loading') return <PageContainer title={billerId}><Skeleton active /></PageContainer>;
  if (state.kind === 'failed') return <Result status="warning" title="无法加载该缴费机构" subTitle={state.message} extra={<Link to="..">返回缴费机构列表</Link>} />;
  const { current, updatedAt, lastChangeId, pendingChange } = state.detail;
  const active = current.status === 'ACTIVE';

  async function toggle() {
    try {
      onSubmitted(await submitBillerChange({ ...current, status: active ? 'SUSPENDED' : 'ACTIVE' }));
    } catch (error) {
      void message.error(errorMessage(error));
    }
  }

  return (
    <PageContainer
      title={current.name}
      subTitle={`${current.billerId} · ${active ? '正常服务' : '暂停服务'}`}
      onBack={() => navigate('..')}
      extra={
        canDraft
          ? [
              <Popconfirm
                key="toggle"
                title={active ? '暂停后客户不能查询或缴费，提交复核？' : '恢复后客户可以查询与缴费，提交复核？'}
                okText="提交复核"
                cancelText="取消"
                onConfirm={toggle}
                disabled={pendingChange !== undefined}
              >
                <Button id="biller-toggle" danger={active} icon={active ? <PauseCircleOutlined /> : <PlayCircleOutlined />} disabled={pendingChange !== undefined}>
                  {active ? '暂停服务' : '恢复服务'}
                </Button>
              </Popconfirm>,
              <Button key="edit" id="biller-edit" type="primary" icon={<EditOutlined />} disabled={pendingChange !== undefined} onClick={() => navigate('edit')}>
                修改
              </Button>,
            ]
          : []
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {pendingChange && (
          <Alert
            id="biller-pending"
            type="info"
            showIcon
            message={`待复核：${pendingChange.entityLabel}（${pendingChange.maker.displayName} 提交于 ${chinaTime(pendingChange.submittedAt)}）`}
            action={<Link to={changePath(pendingChange.changeId)}>查看变更</Link>}
          />
        )}
        <ProCard title="当前配置" subTitle={`更新于 ${chinaTime(updatedAt)}`} bordered extra={lastChangeId ? <Link to={changePath(lastChangeId)}>最近一次变更</Link> : <Tag>初始配置</Tag>}>
          <Descriptions id="biller-current" column={2} size="small" bordered>
            <Descriptions.Item label="缴费类别">{CATEGORY_LABELS[current.category]}</Descriptions.Item>
            <Descriptions.Item label="城市">
              {current.city.name}（{current.city.code}）
            </Descriptions.Item>
            <Descriptions.Item label="户号名称">{current.accountNumber.label}</Descriptions.Item>
            <Descriptions.Item label="填写提示">{current.accountNumber.hint}</Descriptions.Item>
            <Descriptions.Item label="号码规则">{describeFormat(current.accountNumber.format)}</Descriptions.Item>
            <Descriptions.Item label="金额规则">{describeAmount(current.amountRule)}</Descriptions.Item>
            <Descriptions.Item label="缴费渠道">{current.gateway.channel}</Descriptions.Item>
            <Descriptions.Item label="渠道机构代码">{current.gateway.billerCode}</Descriptions.Item>
          </Descriptions>
        </ProCard>
      </Space>
    </PageContainer>
  );
}
