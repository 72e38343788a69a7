import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Dashboard } from '@contract/rm-schemas';
import { MenuRow } from '@/components/MenuRow';
import { RemoteStatus } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { formatFen } from '@/lib/money';
import { goTo, PAGES } from '@/lib/nav';
import { getDashboard } from '../../api';
import { PERIODS } from '../../labels';
import '../../rm.css';

function Funnel({ board }: { board: Dashboard }) {
  return (
    <View className='card'>
      <Text className='card__title'>转化漏斗</Text>
      <Text className='card__subtitle'>
        {board.period.from} 至 {board.period.to} · 转化率为相对上一步
      </Text>
      {board.funnel.map((row) => (
        <View key={row.stage} id={`rm-stage-${row.stage}`} className='rm-funnel-row'>
          <Text className='rm-funnel-row__label'>{row.label}</Text>
          <Text className='rm-funnel-row__count'>{row.count}</Text>
          <Text className='rm-funnel-row__rate'>{row.conversionDisplay}</Text>
        </View>
      ))}
    </View>
  );
}

function Money({ board }: { board: Dashboard }) {
  return (
    <View className='card'>
      <Text className='card__title'>业务金额</Text>
      {board.money.map((total) => (
        <View key={total.kind} id={`rm-money-${total.kind}`} className='info-row'>
          <Text className='info-row__label'>
            {total.label}（{total.count} 笔）
          </Text>
          <Text className='info-row__value'>{formatFen(total.amountFen)}</Text>
        </View>
      ))}
    </View>
  );
}

/** The manager's home: who they are, the funnel and money for a period, and where to go next. */
export default function WorkbenchPage() {
  const [days, setDays] = useState<number>(30);
  const { remote, reload } = useRemote(() => getDashboard(days), days);

  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const board = remote.data;

  return (
    <View className='page'>
      <View className='card'>
        <Text id='rm-staff-name' className='rm-head__name'>
          {board.staff.name}
        </Text>
        <Text className='meta'>
          {board.staff.roleLabel} · {board.staff.branchName} · 工号 {board.staff.staffNo}
        </Text>
        <View className='chips chips--standalone'>
          {PERIODS.map((period) => (
            <Text
              key={period.days}
              id={`rm-days-${period.days}`}
              className={period.days === days ? 'chip chip--selected' : 'chip'}
              onClick={() => setDays(period.days)}
            >
              {period.label}
            </Text>
          ))}
        </View>
      </View>

      <Funnel board={board} />
      <Money board={board} />

      <View className='card menu'>
        <MenuRow id='rm-go-share' label='分享产品（卡片 / 海报 / 链接）' onClick={() => goTo(PAGES.rmShare)} />
        <MenuRow id='rm-go-links' label='我的分享链接' onClick={() => goTo(PAGES.rmLinks)} />
        <MenuRow id='rm-go-customers' label='我的客户' onClick={() => goTo(PAGES.rmCustomers)} />
        {board.staff.role === 'BRANCH_LEAD' && (
          <MenuRow id='rm-go-leaderboard' label='支行排行' onClick={() => goTo(PAGES.rmLeaderboard)} />
        )}
      </View>

      <Text className='hint'>
        客户首次打开您的分享后 {board.attributionWindowDays} 天内注册登录，即归属于您；之后打开其他经理的分享不会改变归属。
        {board.truncated ? ' 本期数据量较大，仅统计了部分记录。' : ''}
      </Text>
    </View>
  );
}
