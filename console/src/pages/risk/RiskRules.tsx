// 风险管理 › 风控规则: the anti-fraud rule set in force — each rule's conditions in words, its
// outcome and what the customer is told — and, for those who draft rule changes, 起草新版本 (a
// second operator approves it in 复核中心). Loaded on demand by the shell.
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Route, Routes } from 'react-router';
import { fetchRiskRules } from '@/api/risk';
import type { ChangeRequest, OperatorView, RiskFieldView, RiskRule, RiskRulesView } from '@/api/types';
import { accessFor } from '@/shell/access';
import { useLoaded, VersionChangeAlerts } from '@/shell/versioned-data';
import { RiskRuleEditor } from './RiskRuleEditor';
import { conditionText, kindsText, outcomeText } from './rule-words';

const OUTCOME_COLOURS: Record<RiskRule['outcome'], string> = { WARN: 'orange', STEP_UP: 'gold', DELAY: 'volcano', BLOCK: 'red' };

const columns = (fields: readonly RiskFieldView[]) => [
  {
    title: '规则',
    dataIndex: 'ruleId',
    width: 220,
    render: (ruleId: string, rule: RiskRule) => (
      <Space direction="vertical" size={0}>
        <Typography.Text strong>{rule.name}</Typography.Text>
        <Typography.Text type="secondary">{`${ruleId} · v${rule.version}`}</Typography.Text>
      </Space>
    ),
  },
  {
    title: '条件（须同时满足）',
    dataIndex: 'conditions',
    render: (conditions: RiskRule['conditions']) => (
      <Space direction="vertical" size={0}>
        {conditions.map((condition, index) => (
          <span key={index}>{conditionText(fields, condition)}</span>
        ))}
      </Space>
    ),
  },
  { title: '适用交易', dataIndex: 'kinds', width: 120, render: (_: RiskRule['kinds'], rule: RiskRule) => kindsText(rule) },
  { title: '处置', dataIndex: 'outcome', width: 140, render: (outcome: RiskRule['outcome'], rule: RiskRule) => <Tag color={OUTCOME_COLOURS[outcome]}>{outcomeText(rule)}</Tag> },
  { title: '客户提示语', dataIndex: 'reason', width: 360 },
];

export function RiskRules({ canDraft }: { canDraft: boolean }) {
  const state = useLoaded(fetchRiskRules);
  const [submitted, setSubmitted] = useState<ChangeRequest>();

  if (state.kind === 'loading')
    return (
      <PageContainer title="风控规则">
        <Skeleton active />
      </PageContainer>
    );
  if (state.kind === 'failed') return <Result status="warning" title="无法加载风控规则" subTitle={state.message} />;
  const view: RiskRulesView = state.value;
  return (
    <PageContainer
      title="风控规则"
      subTitle="反欺诈规则是数据：每笔转账、提现、缴费在付款前按生效版本判定；变更须经他人复核"
      extra={canDraft ? [<RiskRuleEditor key="draft" view={view} onSubmitted={setSubmitted} />] : []}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <VersionChangeAlerts
          idPrefix="risk"
          versionInForce={view.ruleSet.version}
          pendingChangeId={view.pendingChangeId}
          submitted={submitted}
          pendingNote="复核通过前仍按当前版本判定；待复核期间不能再起草新版本。"
          submittedNote="须由另一名有复核权限的运营人员在复核中心复核，通过后立即生效；在此之前仍按当前版本判定。"
        />
        <ProCard title={`当前生效：第 ${view.ruleSet.version} 版`} subTitle="多条规则命中时按最严格的处置：拦截优先于提示确认" bordered>
          <Table<RiskRule> id="risk-rules" size="small" rowKey="ruleId" pagination={false} columns={columns(view.fields)} dataSource={view.ruleSet.rules} />
        </ProCard>
      </Space>
    </PageContainer>
  );
}

export default function RiskManagement({ operator }: { operator: OperatorView }) {
  const { canDraftRiskRules } = accessFor(operator);
  return (
    <Routes>
      <Route index element={<RiskRules canDraft={canDraftRiskRules} />} />
      <Route path="*" element={<Result status="404" title="页面不存在" />} />
    </Routes>
  );
}
