// 客户服务 › 客户视图 (360): everything masked by default. 查看完整 opens a reason dialog and shows
// the value the server answers after recording the reveal; 冻结账户 freezes the e-account at once
// with a reason; 申请解冻 submits the unfreeze for a second operator (复核中心). The PIN's lock
// state is shown with the hint that staff never unlock it: the customer resets it themself.
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatYuan } from '../../../../functions/domain/format';
import { ACCOUNT_STATUS_LABELS, REVEAL_FIELD_LABELS } from '../../../../functions/domain/customer-service';
import { errorMessage } from '@/api/http';
import { fetchCustomer360, freezeAccount, requestUnfreeze, revealCustomerField } from '@/api/service';
import type { Customer360, RevealField } from '@/api/types';
import { chinaTime } from '@/pages/AuditLog';
import { ReasonDialog } from './ReasonDialog';

/** The rating's tag: red for high, orange for medium, green for low. */
const RATING_COLOURS: Record<NonNullable<Customer360['riskRating']>['rating'], string> = { LOW: 'success', MEDIUM: 'warning', HIGH: 'error' };

export interface ServiceAccess {
  canReveal: boolean;
  canFreeze: boolean;
  canRequestUnfreeze: boolean;
}

type Dialog = { kind: 'reveal'; field: RevealField } | { kind: 'freeze' } | { kind: 'unfreeze' };

const yuan = (amountFen: number) => `¥${formatYuan(amountFen)}`;
const signedYuan = (amountFen: number) => `${amountFen < 0 ? '−' : '+'}${yuan(Math.abs(amountFen))}`;
const time = (iso: string | null | undefined) => (iso ? chinaTime(iso) : '—');

interface Props {
  customerId: string;
  access: ServiceAccess;
}

export function Customer360Page({ customerId, access }: Props) {
  const [view, setView] = useState<Customer360>();
  const [loadError, setLoadError] = useState<string>();
  const [revealed, setRevealed] = useState<Partial<Record<RevealField, string>>>({});
  const [dialog, setDialog] = useState<Dialog>();
  const [notice, setNotice] = useState<string>();

  const load = useCallback(() => {
    fetchCustomer360(customerId).then(setView, (error: unknown) => setLoadError(errorMessage(error)));
  }, [customerId]);
  useEffect(load, [load]);

  if (loadError) return <Result status="warning" title={loadError} extra={<Link to="/service">返回查找</Link>} />;
  if (!view) return <Skeleton active style={{ padding: 24 }} />;
  const { profile, account, pin, manager, riskRating } = view;

  const masked = (field: RevealField, value: string | null) => {
    const full = revealed[field];
    if (full) {
      return (
        <Space>
          <Typography.Text id={`revealed-${field}`} copyable>
            {full}
          </Typography.Text>
          <Tag color="warning">已记录审计</Tag>
        </Space>
      );
    }
    return (
      <Space>
        <span id={`masked-${field}`}>{value ?? '—'}</span>
        {value && access.canReveal && (
          <Button size="small" type="link" onClick={() => setDialog({ kind: 'reveal', field })}>
            查看完整
          </Button>
        )}
      </Space>
    );
  };

  async function act(reason: string) {
    if (!dialog) return;
    if (dialog.kind === 'reveal') {
      const { value } = await revealCustomerField(customerId, dialog.field, reason);
      setRevealed((current) => ({ ...current, [dialog.field]: value }));
      return;
    }
    if (!account) return;
    if (dialog.kind === 'freeze') {
      await freezeAccount(account.accountId, reason);
      setNotice('账户已冻结：自即刻起不能付款或转出，资金仍可转入。');
    } else {
      await requestUnfreeze(account.accountId, reason);
      setNotice('解冻申请已提交，待另一位有复核权限的同事在复核中心审批后生效。');
    }
    load();
  }

  const dialogProps = !dialog
    ? undefined
    : dialog.kind === 'reveal'
      ? { title: `查看完整${REVEAL_FIELD_LABELS[dialog.field]}`, description: `查看客户完整${REVEAL_FIELD_LABELS[dialog.field]}需要填写原因，查看记录将写入审计日志。`, okText: '确认查看' }
      : dialog.kind === 'freeze'
        ? { title: '冻结电子账户', description: '冻结立即生效：客户将不能付款、转出或提现（只收不付）。解冻需要另一位同事复核。', okText: '确认冻结', danger: true }
        : { title: '申请解冻', description: '提交后由另一位有复核权限的同事在复核中心审批，通过后账户恢复正常。', okText: '提交申请' };

  const frozen = account?.status === 'FROZEN';
  // 销户 is for good: the view is read-only, nothing to freeze or lift.
  const closed = account?.status === 'CLOSED';
  const pinLocked = pin.lockedUntil !== null;

  return (
    <PageContainer title={`客户：${profile.nameMasked ?? '未实名'}`} subTitle="信息默认脱敏显示" onBack={() => window.history.back()} extra={<Link to="/service">重新查找</Link>}>
      {notice && <Alert style={{ marginBottom: 16 }} type="success" showIcon closable message={notice} onClose={() => setNotice(undefined)} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title="基本信息">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="姓名">{profile.nameMasked ?? '未实名'}</Descriptions.Item>
              <Descriptions.Item label="手机号">{masked('phone', profile.phoneMasked)}</Descriptions.Item>
              <Descriptions.Item label="证件号">{masked('idNumber', profile.idNumberMasked)}</Descriptions.Item>
              <Descriptions.Item label="实名认证">{time(profile.realNameVerifiedAt)}</Descriptions.Item>
              <Descriptions.Item label="注册时间">{time(profile.createdAt)}</Descriptions.Item>
              <Descriptions.Item label="客户经理">{manager ? `${manager.name ?? manager.staffId}（${manager.staffNo ?? '—'}，${manager.branchName ?? '—'}）` : '无'}</Descriptions.Item>
              {riskRating && (
                <Descriptions.Item label="洗钱风险等级">
                  <Space direction="vertical" size={4} id="risk-rating">
                    <Space>
                      <Tag color={RATING_COLOURS[riskRating.rating]}>{riskRating.label}</Tag>
                      <Typography.Text type="secondary">评定于 {time(riskRating.ratedAt)}</Typography.Text>
                    </Space>
                    {riskRating.reasons.map((reason) => (
                      <Typography.Text key={reason}>{reason}</Typography.Text>
                    ))}
                  </Space>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            id="account-card"
            title="电子账户"
            extra={
              account && (
                <Space>
                  {!frozen && !closed && access.canFreeze && (
                    <Button danger onClick={() => setDialog({ kind: 'freeze' })}>
                      冻结账户
                    </Button>
                  )}
                  {frozen && access.canRequestUnfreeze && !account.pendingUnfreeze && <Button onClick={() => setDialog({ kind: 'unfreeze' })}>申请解冻</Button>}
                </Space>
              )
            }
          >
            {account ? (
              <Descriptions column={1} size="small">
                <Descriptions.Item label="账号">{account.accountNumberMasked}（二类户）</Descriptions.Item>
                <Descriptions.Item label="余额">{yuan(account.balanceFen)}</Descriptions.Item>
                <Descriptions.Item label="状态">
                  <Tag id="account-status" color={frozen ? 'error' : closed ? 'default' : 'success'}>
                    {ACCOUNT_STATUS_LABELS[account.status]}
                  </Tag>
                </Descriptions.Item>
                {account.freeze && (
                  <Descriptions.Item label="冻结原因">
                    {account.freeze.reason}（{account.freeze.frozenBy}，{time(account.freeze.frozenAt)}）
                  </Descriptions.Item>
                )}
                {account.pendingUnfreeze && (
                  <Descriptions.Item label="解冻申请">
                    <Space>
                      <Tag color="processing">待复核</Tag>
                      <span>
                        {account.pendingUnfreeze.makerLogin} 于 {time(account.pendingUnfreeze.submittedAt)} 提交
                      </span>
                      <Link to={`/changes/${encodeURIComponent(account.pendingUnfreeze.changeId)}`}>查看</Link>
                    </Space>
                  </Descriptions.Item>
                )}
                <Descriptions.Item label="绑定卡">
                  {account.boundCard.bankName} {account.boundCard.cardNumberMasked}
                </Descriptions.Item>
                <Descriptions.Item label="开户时间">{time(account.openedAt)}</Descriptions.Item>
                {account.closure && (
                  <>
                    <Descriptions.Item label="销户时间">
                      <span id="account-closed-at">{time(account.closure.closedAt)}</span>
                    </Descriptions.Item>
                    <Descriptions.Item label="销户转出">{yuan(account.closure.sweptFen)}（至绑定卡）</Descriptions.Item>
                    <Descriptions.Item label="资料保存至">{time(account.closure.retainUntil)}（反洗钱法规定的保存期限）</Descriptions.Item>
                  </>
                )}
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">尚未开通电子账户</Typography.Text>
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card title="支付密码" id="pin-card">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Descriptions column={3} size="small">
                <Descriptions.Item label="是否设置">{pin.set ? '已设置' : '未设置'}</Descriptions.Item>
                <Descriptions.Item label="状态">{pinLocked ? <Tag color="error">已锁定</Tag> : <Tag color="success">正常</Tag>}</Descriptions.Item>
                <Descriptions.Item label={pinLocked ? '锁定至' : '连续错误次数'}>{pinLocked ? time(pin.lockedUntil) : pin.failedAttempts}</Descriptions.Item>
              </Descriptions>
              <Alert type={pinLocked ? 'warning' : 'info'} showIcon message={pinLocked ? '支付密码已锁定' : '支付密码说明'} description={pin.hint} />
            </Space>
          </Card>
        </Col>
        <Col span={24}>
          <Card>
            <Tabs
              items={[
                {
                  key: 'journals',
                  label: `近期交易（${view.journals.length}）`,
                  children: (
                    <Table
                      size="small"
                      rowKey="journalId"
                      pagination={false}
                      dataSource={view.journals}
                      columns={[
                        { title: '时间', dataIndex: 'createdAt', render: (value: string) => time(value) },
                        { title: '摘要', dataIndex: 'label' },
                        { title: '对方', dataIndex: 'counterparty' },
                        { title: '金额', dataIndex: 'amountFen', align: 'right', render: (value: number) => signedYuan(value) },
                      ]}
                    />
                  ),
                },
                {
                  key: 'devices',
                  label: `登录设备（${view.devices.length}）`,
                  children: (
                    <Table
                      id="customer-devices"
                      size="small"
                      rowKey="signedInAt"
                      pagination={false}
                      dataSource={view.devices}
                      locale={{ emptyText: '当前没有登录中的设备' }}
                      columns={[
                        { title: '设备', dataIndex: 'deviceLabel' },
                        { title: '登录地', dataIndex: 'place' },
                        { title: '登录时间', dataIndex: 'signedInAt', render: (value: string) => time(value) },
                        { title: '最近使用', dataIndex: 'lastUsedAt', render: (value: string) => time(value) },
                        {
                          title: '设备验证',
                          dataIndex: 'deviceVerified',
                          render: (verified: boolean, device) => (verified ? `已验证${device.knownSince ? `（${time(device.knownSince)} 起）` : ''}` : <Tag color="warning">未验证</Tag>),
                        },
                      ]}
                    />
                  ),
                },
                {
                  key: 'loans',
                  label: `贷款（${view.loans.length}）`,
                  children: (
                    <Table
                      size="small"
                      rowKey="loanId"
                      pagination={false}
                      dataSource={view.loans}
                      columns={[
                        { title: '产品', dataIndex: 'productName' },
                        { title: '借款金额', dataIndex: 'principalFen', render: (value: number) => yuan(value) },
                        { title: '剩余本金', dataIndex: 'outstandingPrincipalFen', render: (value: number) => yuan(value) },
                        { title: '期数', dataIndex: 'termMonths', render: (value: number) => `${value} 期` },
                        { title: '年化利率', dataIndex: 'annualizedRateDisplay' },
                        { title: '状态', dataIndex: 'status', render: (value: string) => (value === 'ACTIVE' ? '还款中' : '已结清') },
                      ]}
                    />
                  ),
                },
                {
                  key: 'bills',
                  label: `缴费（${view.bills.length}）`,
                  children: (
                    <Table
                      size="small"
                      rowKey="paymentId"
                      pagination={false}
                      dataSource={view.bills}
                      columns={[
                        { title: '时间', dataIndex: 'heldAt', render: (value: string) => time(value) },
                        { title: '缴费单位', dataIndex: 'billerName' },
                        { title: '金额', dataIndex: 'amountFen', render: (value: number) => yuan(value) },
                        { title: '状态', dataIndex: 'status' },
                      ]}
                    />
                  ),
                },
                {
                  key: 'wealth',
                  label: `理财（${view.wealth.length}）`,
                  children: (
                    <Table
                      size="small"
                      rowKey="productId"
                      pagination={false}
                      dataSource={view.wealth}
                      columns={[
                        { title: '产品', dataIndex: 'productName' },
                        { title: '持有份额', dataIndex: 'unitsCenti', render: (value: number) => (value / 100).toFixed(2) },
                        { title: '投入金额', dataIndex: 'investedFen', render: (value: number) => yuan(value) },
                      ]}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {dialog && dialogProps && <ReasonDialog open {...dialogProps} onSubmit={act} onClose={() => setDialog(undefined)} />}
    </PageContainer>
  );
}
