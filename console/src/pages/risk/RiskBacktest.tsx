// 回测: a rule set (a draft, or a version waiting for its checker) tried on the transfers of the
// last days, each on the numbers it was judged on — what the set would let through, warn about or
// block against what was decided then, by rule, with the changed transfers as examples. Figures
// are the server's; nothing is written.
import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '@/api/http';
import { backtestRiskRules } from '@/api/risk';
import type { RiskRuleSet, RiskRulesBacktest } from '@/api/types';
import { money } from '@/money';
import { chinaTime } from '@/pages/AuditLog';
import { OUTCOME_LABELS } from './rule-words';
import { RISK_MOVEMENT_KIND_LABELS, type RiskMovementKind } from '../../../../functions/domain/risk-rules';

const DAY_OPTIONS = [1, 7, 30].map((days) => ({ value: days, label: days === 1 ? '今天' : `近 ${days} 天` }));
const DECISION_LABELS = { ALLOW: '放行', ...OUTCOME_LABELS } as const;

const counts = (byOutcome: RiskRulesBacktest['recorded']) => (Object.keys(DECISION_LABELS) as (keyof typeof DECISION_LABELS)[]).map((outcome) => `${DECISION_LABELS[outcome]} ${byOutcome[outcome]} 笔`).join('，');

interface Props {
  /** The set to try: undefined while the draft does not validate (it says why itself). */
  ruleSet(): Promise<RiskRuleSet | undefined>;
}

export function RiskBacktest({ ruleSet }: Props) {
  const [days, setDays] = useState(7);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<RiskRulesBacktest>();
  const [problem, setProblem] = useState<string>();
  const run = async () => {
    setProblem(undefined);
    const tried = await ruleSet();
    if (!tried) return;
    setRunning(true);
    try {
      setResult(await backtestRiskRules({ ruleSet: tried, days }));
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setRunning(false);
    }
  };
  return (
    <section aria-label="回测" style={{ marginBottom: 16 }}>
      <Space wrap>
        <Select aria-label="回测范围" value={days} options={DAY_OPTIONS} onChange={setDays} style={{ width: 120 }} />
        <Button id="risk-backtest" icon={<ExperimentOutlined />} loading={running} onClick={run}>
          回测
        </Button>
        <Typography.Text type="secondary">按每笔交易（转账、提现、缴费）当时的数据，用此版本规则重新判断，不影响任何交易</Typography.Text>
      </Space>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginTop: 12 }} />}
      {result && (
        <div id="risk-backtest-result" style={{ marginTop: 12 }}>
          <Descriptions size="small" bordered column={1}>
            <Descriptions.Item label="范围">{`${result.fromDate} 至 ${result.toDate}，重判 ${result.judged} 笔交易${result.withoutFields ? `（另有 ${result.withoutFields} 笔早于记录判断数据，未计入）` : ''}${result.truncated ? '；超过单次回测上限，较早的日期未计入' : ''}`}</Descriptions.Item>
            <Descriptions.Item label="当时">{counts(result.recorded)}</Descriptions.Item>
            <Descriptions.Item label="此版本">{counts(result.proposed)}</Descriptions.Item>
            <Descriptions.Item label="处置改变">{`${result.changed} 笔`}</Descriptions.Item>
            <Descriptions.Item label="各规则命中">{result.byRule.map((rule) => `${rule.ruleId} ${rule.matched} 笔`).join('，')}</Descriptions.Item>
          </Descriptions>
          {result.examples.length > 0 && (
            <Table
              size="small"
              style={{ marginTop: 12 }}
              rowKey="journalId"
              pagination={false}
              caption={`处置改变的交易（前 ${result.examples.length} 笔）`}
              dataSource={result.examples}
              columns={[
                { title: '时间', dataIndex: 'createdAt', render: chinaTime },
                { title: '交易', dataIndex: 'kind', render: (kind: RiskMovementKind) => RISK_MOVEMENT_KIND_LABELS[kind] },
                { title: '金额', dataIndex: 'amountFen', align: 'right', render: money },
                { title: '当时', dataIndex: 'recorded', render: (outcome: keyof typeof DECISION_LABELS) => DECISION_LABELS[outcome] },
                { title: '此版本', dataIndex: 'proposed', render: (outcome: keyof typeof DECISION_LABELS) => DECISION_LABELS[outcome] },
                { title: '命中规则', dataIndex: 'ruleIds', render: (ruleIds: string[]) => ruleIds.join('、') },
                { title: '流水号', dataIndex: 'journalId' },
              ]}
            />
          )}
        </div>
      )}
    </section>
  );
}
