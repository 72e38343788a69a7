// A wealth product: what the customer sees of its version on sale (card, rules, risk disclosure),
// its latest NAVs or yields, every version with who made and who approved it, the change waiting
// for review; and, for those who draft, the starts of a new version or product, 暂停/开放申购 and
// 发布净值 / 发布七日年化 — each a change for a second operator.
import { CopyOutlined, ForkOutlined, LineChartOutlined, PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { ModalForm, PageContainer, ProCard, ProFormDatePicker, ProFormDateTimePicker, ProFormDigit } from '@ant-design/pro-components';
import { Alert, Button, Col, Result, Row, Skeleton, Space, Table, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatRateBps } from '../../../../../functions/domain/format';
import { MAX_NAV_CENTI_FEN } from '../../../../../functions/domain/wealth/product';
import { formatIncomePer10k } from '../../../../../functions/domain/wealth/units';
import { errorMessage } from '@/api/http';
import type { ChangeRequest } from '@/api/types';
import { fetchWealthProduct, submitWealthNavChange, submitWealthStatusChange, submitWealthYieldChange, type WealthProductDetail } from '@/api/wealth';
import { chinaTime } from '@/pages/AuditLog';
import { WealthCardView } from './WealthCardView';
import { effectiveAtOf } from './WealthEditor';

interface Props {
  productId: string;
  canDraft: boolean;
  changePath(changeId: string): string;
  onSubmitted(change: ChangeRequest): void;
}

type State = { kind: 'loading' } | { kind: 'ready'; detail: WealthProductDetail } | { kind: 'failed'; message: string };

/** 10000 per yuan: NAVs and 万份收益 are kept in hundredths of a fen. */
const CENTI_FEN_PER_YUAN = 10_000;
const dateText = (value: unknown) => (typeof value === 'string' ? value : (value as { format(pattern: string): string }).format('YYYY-MM-DD'));

/** A ModalForm's submit: the change, or the server's refusal shown in the form. */
function useChangeForm(onSubmitted: Props['onSubmitted']) {
  const [problem, setProblem] = useState<string | undefined>();
  const run = async (submit: () => Promise<ChangeRequest>) => {
    setProblem(undefined);
    try {
      onSubmitted(await submit());
      return true;
    } catch (error) {
      setProblem(errorMessage(error));
      return false;
    }
  };
  const shown = problem && <Alert id="wealth-form-problem" type="error" showIcon message={problem} style={{ marginBottom: 16 }} />;
  return { run, shown, clear: () => setProblem(undefined) };
}

function StatusForm({ detail, disabled, onSubmitted }: { detail: WealthProductDetail; disabled: boolean; onSubmitted: Props['onSubmitted'] }) {
  const { run, shown, clear } = useChangeForm(onSubmitted);
  const closing = detail.current.status === 'OPEN';
  return (
    <ModalForm<{ effectiveAt?: string }>
      title={closing ? '暂停申购' : '开放申购'}
      width={480}
      trigger={
        <Button id="wealth-status" disabled={disabled} icon={closing ? <PauseCircleOutlined /> : <PlayCircleOutlined />}>
          {closing ? '暂停申购' : '开放申购'}
        </Button>
      }
      modalProps={{ destroyOnHidden: true, onCancel: clear }}
      submitter={{ searchConfig: { submitText: '提交复核' } }}
      onFinish={({ effectiveAt }) => run(() => submitWealthStatusChange(detail.current.productId, closing ? 'CLOSED' : 'OPEN', effectiveAtOf(effectiveAt)))}
    >
      {shown}
      <p>{closing ? '暂停后客户不能再申购；已持有的份额照常计算收益，可按规则赎回。' : '开放后客户可在募集期内申购。'}复核通过后发布为新版本。</p>
      <ProFormDateTimePicker name="effectiveAt" label="生效时间" tooltip="不填则复核通过后立即生效" fieldProps={{ id: 'status-effectiveAt', placeholder: '复核通过后立即生效' }} />
    </ModalForm>
  );
}

function PriceForm({ detail, onSubmitted }: { detail: WealthProductDetail; onSubmitted: Props['onSubmitted'] }) {
  const { run, shown, clear } = useChangeForm(onSubmitted);
  const moneyMarket = detail.current.type === 'MONEY_MARKET';
  const { productId } = detail.current;
  return (
    <ModalForm<{ date: unknown; nav?: number; sevenDayYieldBps?: number; incomePer10k?: number }>
      title={moneyMarket ? '发布七日年化收益率' : '发布单位净值'}
      width={480}
      initialValues={{ date: detail.businessDate }}
      trigger={
        <Button id="wealth-price" icon={<LineChartOutlined />}>
          {moneyMarket ? '发布七日年化' : '发布净值'}
        </Button>
      }
      modalProps={{ destroyOnHidden: true, onCancel: clear }}
      submitter={{ searchConfig: { submitText: '提交复核' } }}
      onFinish={(values) =>
        run(() =>
          moneyMarket
            ? submitWealthYieldChange({
                productId,
                yieldDate: dateText(values.date),
                sevenDayYieldBps: values.sevenDayYieldBps ?? 0,
                incomePer10kCentiFen: Math.round((values.incomePer10k ?? 0) * CENTI_FEN_PER_YUAN),
              })
            : submitWealthNavChange({ productId, navDate: dateText(values.date), navCentiFen: Math.round((values.nav ?? 0) * CENTI_FEN_PER_YUAN) }),
        )
      }
    >
      {shown}
      <p>当日的净值在日终前可以更正；已日终的日期只能补发、不能修改。复核通过后立即生效。</p>
      <ProFormDatePicker name="date" label="日期" fieldProps={{ id: 'price-date', format: 'YYYY-MM-DD' }} rules={[{ required: true, message: '请选择日期' }]} />
      {moneyMarket ? (
        <>
          <ProFormDigit
            name="sevenDayYieldBps"
            label="七日年化收益率（基点，1 基点 = 0.01%）"
            fieldProps={{ id: 'sevenDayYieldBps', precision: 0 }}
            rules={[{ required: true, type: 'number', min: 0, max: 2_000, message: '七日年化收益率须在 0–2000 基点之间' }]}
          />
          <ProFormDigit
            name="incomePer10k"
            label="万份收益（元）"
            fieldProps={{ id: 'incomePer10k', precision: 4 }}
            rules={[{ required: true, type: 'number', min: 0, max: 10, message: '万份收益须在 0–10 元之间' }]}
          />
        </>
      ) : (
        <ProFormDigit
          name="nav"
          label="单位净值（元）"
          fieldProps={{ id: 'nav', precision: 4 }}
          rules={[{ required: true, type: 'number', min: 0.0001, max: MAX_NAV_CENTI_FEN / CENTI_FEN_PER_YUAN, message: '单位净值须在 0.0001–1000 元之间' }]}
        />
      )}
    </ModalForm>
  );
}

export function WealthDetail({ productId, canDraft, changePath, onSubmitted }: Props) {
  const navigate = useNavigate();
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    fetchWealthProduct(productId).then(
      (detail) => live && setState({ kind: 'ready', detail }),
      (error: unknown) => live && setState({ kind: 'failed', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [productId]);

  if (state.kind === 'loading') return <PageContainer title={productId}><Skeleton active /></PageContainer>;
  if (state.kind === 'failed') return <Result status="warning" title="无法加载该产品" subTitle={state.message} extra={<Link to="..">返回理财产品列表</Link>} />;
  const { detail } = state;
  const { current, versions, prices, pendingChange } = detail;
  const pendingNote = pendingChange ? '该产品已有待复核的变更，处理后才能提交新的变更' : undefined;
  const moneyMarket = current.type === 'MONEY_MARKET';

  return (
    <PageContainer
      title={current.name}
      subTitle={`${current.productId} · 当前版本 v${current.version}`}
      onBack={() => navigate('..')}
      extra={
        canDraft
          ? [
              <PriceForm key="price" detail={detail} onSubmitted={onSubmitted} />,
              <Tooltip key="status" title={pendingNote}>
                <span>
                  <StatusForm detail={detail} disabled={pendingChange !== undefined} onSubmitted={onSubmitted} />
                </span>
              </Tooltip>,
              <Tooltip key="clone" title="以此产品为起点，新建另一个产品">
                <Button id="wealth-clone" icon={<ForkOutlined />} onClick={() => navigate('clone')}>
                  复制为新产品
                </Button>
              </Tooltip>,
              <Tooltip key="version" title={pendingNote}>
                <Button id="wealth-new-version" type="primary" icon={<CopyOutlined />} disabled={pendingChange !== undefined} onClick={() => navigate('new-version')}>
                  复制为新版本
                </Button>
              </Tooltip>,
            ]
          : []
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {pendingChange && (
          <Alert
            id="wealth-pending"
            type="info"
            showIcon
            message={`待复核：${pendingChange.entityLabel}（${pendingChange.maker.displayName} 提交于 ${chinaTime(pendingChange.submittedAt)}）`}
            action={<Link to={changePath(pendingChange.changeId)}>查看变更</Link>}
          />
        )}
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <ProCard title="客户看到的产品" subTitle={`业务日期 ${detail.businessDate}`} bordered>
              <WealthCardView card={detail.card} disclosure={detail.disclosure} />
            </ProCard>
          </Col>
          <Col xs={24} xl={12}>
            <ProCard title={moneyMarket ? '近期七日年化收益率' : '近期单位净值'} bordered>
              <Table
                id="wealth-prices"
                size="small"
                rowKey="date"
                pagination={false}
                dataSource={prices}
                locale={{ emptyText: '尚未发布' }}
                columns={
                  moneyMarket
                    ? [
                        { title: '日期', dataIndex: 'date' },
                        { title: '七日年化收益率', dataIndex: 'sevenDayYieldBps', render: (bps: number | null) => (bps === null ? '—' : formatRateBps(bps)) },
                        { title: '万份收益（元）', dataIndex: 'incomePer10kCentiFen', render: (income: number | null) => (income === null ? '—' : formatIncomePer10k(income)) },
                      ]
                    : [
                        { title: '日期', dataIndex: 'date' },
                        { title: '单位净值', dataIndex: 'navDisplay' },
                      ]
                }
              />
            </ProCard>
          </Col>
        </Row>
        <ProCard title="版本历史" subTitle="已发布的版本不可修改，变更将发布为新版本" bordered>
          <Table
            id="wealth-versions"
            size="small"
            rowKey="version"
            pagination={false}
            dataSource={versions}
            columns={[
              { title: '版本', dataIndex: 'version', width: 70, render: (version: number) => `v${version}` },
              { title: '申购状态', dataIndex: 'status', width: 100, render: (status: string) => (status === 'OPEN' ? '开放' : '暂停') },
              { title: '发布时间', dataIndex: 'publishedAt', width: 170, render: (at: string) => chinaTime(at) },
              { title: '起草人', dataIndex: 'makerLogin', render: (login?: string) => login ?? '—' },
              { title: '复核人', dataIndex: 'checkerLogin', render: (login?: string) => login ?? '—' },
              { title: '变更单', dataIndex: 'changeId', render: (changeId?: string) => (changeId ? <Link to={changePath(changeId)}>查看</Link> : '初始版本') },
            ]}
          />
        </ProCard>
      </Space>
    </PageContainer>
  );
}
