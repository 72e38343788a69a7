import { Text, View } from '@tarojs/components';
import type { MessagePreferencesView } from '@contract/messages-schemas';
import { ErrorText, RemoteStatus } from '@/components/Status';
import { SubmitActions } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { getPreferences, type MessageCategory, reportSubscriptions, requestSubscriptions, savePreferences } from '../../api';
import '../../messages.css';

const CATEGORIES: { value: MessageCategory; label: string; text: string }[] = [
  { value: 'MONEY', label: '动账通知', text: '每一笔收入和支出' },
  { value: 'SECURITY', label: '安全提醒', text: '新设备登录、密码、绑定卡、手机号、挂失、冻结等' },
  { value: 'SERVICE', label: '服务通知', text: '投诉答复、差错更正等' },
];

function Preferences({ view, onChanged }: { view: MessagePreferencesView; onChanged: () => void }) {
  const toggle = useSubmit();
  const subscribe = useSubmit();

  async function flip(category: MessageCategory) {
    const saved = await toggle.run(() => savePreferences({ ...view.preferences, [category]: !view.preferences[category] }));
    if (saved) onChanged();
  }

  async function handleSubscribe() {
    const templates = CATEGORIES.filter(({ value }) => view.preferences[value]).map(({ value }) => view.templates[value]);
    const accepted = await requestSubscriptions(templates);
    if (accepted === null) return subscribe.setError('请在微信小程序中订阅微信提醒');
    if (accepted.length === 0) return subscribe.setError('未订阅任何提醒');
    if (await subscribe.run(() => reportSubscriptions(accepted))) onChanged();
  }

  return (
    <>
      <View className='card'>
        <Text className='card__title'>接收的消息</Text>
        {CATEGORIES.map(({ value, label, text }) => {
          const on = view.preferences[value];
          const fixed = value === 'SECURITY';
          return (
            <View key={value} className='list-row message-settings__row'>
              <View className='list-row__main'>
                <Text className='list-row__title'>{label}</Text>
                <Text className='meta'>{fixed ? `${text}（始终开启）` : text}</Text>
              </View>
              <View
                id={`message-pref-${value.toLowerCase()}`}
                role='switch'
                aria-checked={on}
                aria-disabled={fixed}
                className={on ? 'message-settings__state message-settings__state--on' : 'message-settings__state'}
                onClick={fixed || toggle.busy ? undefined : () => void flip(value)}
              >
                <Text>{on ? '已开启' : '已关闭'}</Text>
              </View>
            </View>
          );
        })}
        <ErrorText message={toggle.error} />
      </View>
      <View className='card'>
        <Text className='card__title'>微信提醒</Text>
        <Text className='hint'>微信每次同意订阅，可为该类消息推送一条提醒；用完后可再次订阅。</Text>
        {CATEGORIES.filter(({ value }) => view.preferences[value]).map(({ value, label }) => (
          <View key={value} className='info-row'>
            <Text className='info-row__label'>{label}</Text>
            <Text id={`message-grants-${value.toLowerCase()}`} className='info-row__value'>{`可推送 ${view.grants[value]} 次`}</Text>
          </View>
        ))}
      </View>
      <SubmitActions id='message-subscribe' busy={subscribe.busy} error={subscribe.error} onClick={() => void handleSubscribe()}>
        订阅微信提醒
      </SubmitActions>
    </>
  );
}

/** 消息设置: which messages notify (安全提醒 always), and the one-time WeChat subscriptions. */
export default function MessageSettingsPage() {
  const { remote, reload } = useRemote(getPreferences);
  return <View className='page'>{remote.status !== 'ready' ? <RemoteStatus remote={remote} onRetry={reload} /> : <Preferences view={remote.data} onChanged={() => void reload()} />}</View>;
}
