// 风险管理 › 名单管理: the watch lists customers are screened against — when their account opens,
// and (for exact matches) when a new version comes into force — each entry with its list and
// source, and the matching rules in the server's words. Those who draft (aml.watchlist.draft)
// add and remove entries in a draft and submit it as the next version; a second operator approves
// it in 复核中心. Loaded on demand by the shell.
import { ModalForm, PageContainer, ProCard, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { Alert, Button, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '@/api/http';
import { fetchWatchList, submitWatchListChange, type WatchListEntry, type WatchListView } from '@/api/aml';
import type { ChangeRequest, OperatorView } from '@/api/types';
import { accessFor } from '@/shell/access';
import { useLoaded, VersionChangeAlerts } from '@/shell/versioned-data';

const LIST_COLOURS: Record<WatchListEntry['list'], string> = { TERRORIST: 'red', SANCTIONS: 'volcano', INTERNAL: 'gold' };
const ENTRY_ID = /^[A-Za-z0-9-]{1,40}$/;


function NewEntryForm({ view, taken, onAdd }: { view: WatchListView; taken: ReadonlySet<string>; onAdd: (entry: WatchListEntry) => void }) {
  return (
    <ModalForm<WatchListEntry>
      title="新增名单条目"
      trigger={<Button id="watch-list-add">新增条目</Button>}
      modalProps={{ destroyOnHidden: true }}
      submitter={{ searchConfig: { submitText: '加入草稿', resetText: '取消' } }}
      onFinish={async (entry) => {
        onAdd({ entryId: entry.entryId.trim(), name: entry.name.trim(), list: entry.list, source: entry.source.trim() });
        return true;
      }}
    >
      <ProFormSelect name="list" label="名单" options={view.lists.map(({ list, label }) => ({ value: list, label }))} rules={[{ required: true, message: '请选择名单' }]} />
      <ProFormText
        name="entryId"
        label="条目编号"
        placeholder="例如：T-0002"
        rules={[
          { required: true, message: '请输入条目编号' },
          { pattern: ENTRY_ID, message: '1–40 位字母、数字或连字符' },
          { validator: async (_, value: string | undefined) => (value && taken.has(value.trim()) ? Promise.reject(new Error('该编号已在名单中')) : undefined) },
        ]}
      />
      <ProFormText name="name" label="姓名" placeholder="按名单公布的写法，例如：艾山·买买提" rules={[{ required: true, message: '请输入姓名' }, { min: 2, max: 60, message: '2–60 个字' }]} />
      <ProFormText name="source" label="来源" placeholder="例如：公安部公告〔2026〕1 号" rules={[{ required: true, message: '请输入来源' }, { min: 2, max: 200, message: '2–200 个字' }]} />
    </ModalForm>
  );
}

export function WatchList({ canDraft }: { canDraft: boolean }) {
  const state = useLoaded(fetchWatchList);
  const [draft, setDraft] = useState<WatchListEntry[]>();
  const [submitted, setSubmitted] = useState<ChangeRequest>();
  const [submitError, setSubmitError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  if (state.kind === 'loading')
    return (
      <PageContainer title="名单管理">
        <Skeleton active />
      </PageContainer>
    );
  if (state.kind === 'failed') return <Result status="warning" title="无法加载监控名单" subTitle={state.message} />;
  const view: WatchListView = state.value;
  const inForce = view.watchList;
  const entries = draft ?? inForce.entries;
  const labelOf = (list: WatchListEntry['list']) => view.lists.find((candidate) => candidate.list === list)?.label ?? list;
  const editable = canDraft && !view.pendingChangeId && !submitted;

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(undefined);
    try {
      setSubmitted(await submitWatchListChange({ watchList: { version: inForce.version + 1, entries: draft ?? [] } }));
      setDraft(undefined);
    } catch (error) {
      setSubmitError(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <PageContainer title="名单管理" subTitle="开户时按以下名单筛查客户姓名；新版本生效时，姓名与新增条目完全一致的存量客户随即筛查；变更须经他人复核">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <VersionChangeAlerts
          idPrefix="watch-list"
          versionInForce={inForce.version}
          pendingChangeId={view.pendingChangeId}
          submitted={submitted}
          pendingNote="复核通过前仍按当前版本筛查；待复核期间不能再编辑。"
          submittedNote="须由另一名有复核权限的运营人员在复核中心复核，通过后立即生效。"
        />
        {submitError && <Alert type="error" showIcon message={submitError} />}
        <ProCard
          title={draft ? `编辑中：第 ${inForce.version + 1} 版（共 ${entries.length} 条）` : `当前生效：第 ${inForce.version} 版（共 ${entries.length} 条）`}
          bordered
          extra={
            editable && (
              <Space>
                {draft ? (
                  <>
                    <NewEntryForm view={view} taken={new Set(entries.map((entry) => entry.entryId))} onAdd={(entry) => setDraft([...entries, entry])} />
                    <Button onClick={() => setDraft(undefined)}>放弃编辑</Button>
                    <Button id="watch-list-submit" type="primary" loading={submitting} onClick={submit}>
                      提交复核
                    </Button>
                  </>
                ) : (
                  <Button id="watch-list-edit" type="primary" onClick={() => setDraft(inForce.entries)}>
                    编辑名单
                  </Button>
                )}
              </Space>
            )
          }
        >
          <Table<WatchListEntry>
            id="watch-list"
            size="small"
            rowKey="entryId"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={entries}
            locale={{ emptyText: '名单为空：开户时不做名单筛查' }}
            columns={[
              { title: '名单', dataIndex: 'list', width: 140, render: (list: WatchListEntry['list']) => <Tag color={LIST_COLOURS[list]}>{labelOf(list)}</Tag> },
              { title: '姓名', dataIndex: 'name', width: 200 },
              { title: '来源', dataIndex: 'source' },
              { title: '条目编号', dataIndex: 'entryId', width: 140 },
              ...(draft
                ? [
                    {
                      title: '操作',
                      key: 'remove',
                      width: 90,
                      render: (_: unknown, entry: WatchListEntry) => (
                        <Button type="link" danger onClick={() => setDraft(entries.filter((kept) => kept.entryId !== entry.entryId))}>
                          删除
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </ProCard>
        <ProCard title="匹配规则" subTitle="命中即生成预警，由风险官核实后排除或上报；两字姓名只做完全匹配和姓氏同音匹配" bordered>
          <Space direction="vertical" id="watch-list-rules">
            {view.rules.map(({ rule, kind, text }) => (
              <Space key={rule}>
                <Tag color={kind === 'EXACT' ? 'red' : 'gold'}>{kind === 'EXACT' ? '完全匹配' : '近似匹配'}</Tag>
                <Typography.Text>{text}</Typography.Text>
              </Space>
            ))}
          </Space>
        </ProCard>
      </Space>
    </PageContainer>
  );
}

export default function WatchListPage({ operator }: { operator: OperatorView }) {
  return <WatchList canDraft={accessFor(operator).canDraftWatchList} />;
}
