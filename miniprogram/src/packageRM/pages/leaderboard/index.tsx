import { Text, View } from '@tarojs/components';
import { RemoteStatus } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { formatFen } from '@/lib/money';
import { getLeaderboard } from '../../api';
import '../../rm.css';

/** Branch leads: the branch's managers ranked over the last 30 days. */
export default function LeaderboardPage() {
  const { remote, reload } = useRemote(() => getLeaderboard(30));
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const board = remote.data;
  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>{board.branchName}</Text>
        <Text className='card__subtitle'>
          {board.period.from} 至 {board.period.to} · 按开户数、业务金额排序
        </Text>
        {board.items.map((row) => (
          <View key={row.staffNo} className='rm-item rm-rank'>
            <View className='rm-item__top'>
              <Text>
                第 {row.rank} 名 · {row.name}（{row.staffNo}）
              </Text>
              <Text className='badge'>开户 {row.accountsOpened}</Text>
            </View>
            <Text className='meta'>
              打开 {row.opened} · 注册 {row.referred} · 金额 {formatFen(row.moneyFen)}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
