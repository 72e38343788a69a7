import { Button, Text, View } from '@tarojs/components';
import type { SessionView } from '@contract/session-schemas';
import { useState } from 'react';
import { errorMessage } from '@/api/http';
import { ErrorText, RemoteStatus } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { formatDateTime } from '@/lib/time';
import { getSessions, signOutOtherSessions, signOutSession } from '../../api';

/** One signed-in device: what it is, when it signed in and was last used, and from where. */
function SessionRow({ session, busy, onSignOut }: { session: SessionView; busy: boolean; onSignOut: () => void }) {
  return (
    <View className='list-row session-row'>
      <View className='list-row__main'>
        <Text className='list-row__title'>{session.deviceLabel}</Text>
        <Text className='meta'>{`登录时间 ${formatDateTime(session.signedInAt)}`}</Text>
        <Text className='meta'>{`最近使用 ${formatDateTime(session.lastUsedAt)} · ${session.place}`}</Text>
        {!session.deviceVerified && <Text className='meta'>新设备，首次交易需验证手机号</Text>}
      </View>
      <View className='list-row__side'>
        {session.current ? (
          <Text className='badge'>本机</Text>
        ) : (
          <Button id={`session-sign-out-${session.sessionId}`} className={busy ? 'btn btn--ghost btn--small btn--disabled' : 'btn btn--ghost btn--small'} disabled={busy} onClick={busy ? undefined : onSignOut}>
            退出
          </Button>
        )}
      </View>
    </View>
  );
}

/**
 * 登录设备管理: the devices signed in to this account, with the time and place of each; any other
 * one is signed out at once (退出), or all of them. This device's own sign-out is 退出登录 on home.
 */
export default function DevicesPage() {
  const { remote, reload } = useRemote(getSessions);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  async function signOut(what: () => Promise<{ signedOut: number }>, done: (count: number) => string) {
    if (busy) return;
    setBusy(true);
    setError('');
    setNotice('');
    try {
      const { signedOut } = await what();
      setNotice(done(signedOut));
      await reload();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  if (remote.status !== 'ready') {
    return (
      <View className='page'>
        <RemoteStatus remote={remote} onRetry={reload} />
      </View>
    );
  }
  const sessions = remote.data;
  const others = sessions.filter((session) => !session.current).length;
  return (
    <View className='page'>
      <View id='sessions' className='card'>
        {sessions.map((session) => (
          <SessionRow key={session.sessionId} session={session} busy={busy} onSignOut={() => void signOut(() => signOutSession(session.sessionId), () => `已退出 ${session.deviceLabel}`)} />
        ))}
      </View>
      {notice && (
        <Text id='sessions-notice' className='hint'>
          {notice}
        </Text>
      )}
      <ErrorText message={error} />
      <Text className='hint'>地点按登录时的网络地址显示（仅显示前段）。如发现不认识的设备，请立即退出该设备，并修改支付密码或挂失。</Text>
      {others > 0 && (
        <View className='actions'>
          <Button id='sessions-sign-out-others' className={busy ? 'btn btn--ghost btn--disabled' : 'btn btn--ghost'} disabled={busy} onClick={busy ? undefined : () => void signOut(signOutOtherSessions, (count) => `已退出其他 ${count} 台设备`)}>
            退出其他所有设备
          </Button>
        </View>
      )}
    </View>
  );
}
