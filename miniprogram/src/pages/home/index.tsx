import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import type { AccountSummary, Me } from '@contract/schemas';
import { getMe, signOut } from '@/api/bank';
import { getUnreadMessages } from '@/api/messages';
import { Intro } from '@/components/Intro';
import { MenuRow } from '@/components/MenuRow';
import { ManagerCard } from '@/components/rm/ManagerCard';
import { ServicePhone } from '@/components/ServicePhone';
import { RemoteStatus } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { useShareLanding } from '@/hooks/useShareLanding';
import { MERCHANT_CATEGORIES } from '@/lib/merchant-categories';
import { formatFen } from '@/lib/money';
import { goLogin, goTo, PAGES, type PagePath, type PageQuery } from '@/lib/nav';
import { formatDateTime } from '@/lib/time';
import './index.css';

interface Step {
  id: string;
  title: string;
  description: string;
  page: PagePath;
  done: boolean;
}

function onboardingSteps(me: Me): Step[] {
  return [
    {
      id: 'go-bind-phone',
      title: '绑定手机号',
      description: me.phoneMasked ?? '使用微信绑定的手机号',
      page: PAGES.bindPhone,
      done: me.phoneMasked !== null,
    },
    {
      id: 'go-real-name',
      title: '实名认证',
      description: me.realName ? me.realName.nameMasked : '核验姓名与身份证号',
      page: PAGES.realName,
      done: me.realName !== null,
    },
    {
      id: 'go-pin',
      title: '设置支付密码',
      description: me.pinSet ? '已设置' : '6 位数字，用于资金交易确认',
      page: PAGES.pin,
      done: me.pinSet,
    },
    {
      id: 'go-open-account',
      title: '开通电子账户',
      description: '绑定本人一类借记卡，开通 II 类电子账户',
      page: PAGES.openAccount,
      done: me.account !== null,
    },
  ];
}

function Onboarding({ me }: { me: Me }) {
  const steps = onboardingSteps(me);
  const next = steps.findIndex((step) => !step.done);
  return (
    <View className='card onboarding'>
      <Text className='card__title'>开通近邻银行电子账户</Text>
      <Text className='card__subtitle'>按顺序完成以下四步，全程线上办理</Text>
      {steps.map((step, index) => {
        const actionable = index === next;
        const state = step.done ? 'done' : actionable ? 'next' : 'later';
        return (
          <View
            key={step.id}
            id={step.id}
            className={`list-row step step--${state}`}
            onClick={actionable ? () => goTo(step.page) : undefined}
          >
            <View className='step__mark'>
              <Text>{step.done ? '✓' : index + 1}</Text>
            </View>
            <View className='list-row__main'>
              <Text className='list-row__title'>{step.title}</Text>
              <Text className='meta'>{step.description}</Text>
            </View>
            <Text className='step__action'>
              {step.done ? '已完成' : actionable ? '去办理 ›' : '待办理'}
            </Text>
          </View>
        );
      })}
    </View>
  );
}

const TILES = [
  { id: 'tile-top-up', label: '充值', glyph: '充', page: PAGES.topUp },
  { id: 'tile-withdraw', label: '提现', glyph: '提', page: PAGES.withdraw },
  { id: 'tile-transfer', label: '转账', glyph: '转', page: PAGES.transfer },
  { id: 'tile-history', label: '明细', glyph: '明', page: PAGES.history },
  { id: 'tile-loans', label: '贷款', glyph: '贷', page: PAGES.loans },
  { id: 'tile-wealth', label: '理财', glyph: '财', page: PAGES.wealth },
  { id: 'tile-bills', label: '缴费', glyph: '缴', page: PAGES.bills },
] as const;

interface TileProps {
  id: string;
  label: string;
  glyph: string;
  page: PagePath;
  query?: PageQuery;
}

/** A service's tile: its glyph in a rounded square over its name, the whole tile tappable. */
function Tile({ id, label, glyph, page, query }: TileProps) {
  return (
    <View id={id} className='tile' onClick={() => goTo(page, query)}>
      <View className='tile__icon' aria-hidden='true'>
        <Text>{glyph}</Text>
      </View>
      <Text className='tile__label'>{label}</Text>
    </View>
  );
}

/** 社区生活: the community merchants by category, all of them, and the orders paid. The pages
 *  are in packageCommunity, loaded only when a tile is tapped. */
function CommunityZone() {
  return (
    <View id='community-zone' className='card'>
      <Text className='card__title'>社区生活</Text>
      <View className='tiles'>
        {MERCHANT_CATEGORIES.map(({ code, label, glyph }) => (
          <Tile key={code} id={`community-${code}`} label={label} glyph={glyph} page={PAGES.communityMerchants} query={{ category: code }} />
        ))}
        <Tile id='community-all' label='全部商户' glyph='商' page={PAGES.communityMerchants} />
        <Tile id='community-orders' label='社区订单' glyph='单' page={PAGES.communityOrders} />
      </View>
    </View>
  );
}

/** 销户: signing in afterwards shows what happened and who to call, not an error. */
function ClosedAccount({ account, closure }: { account: AccountSummary; closure: NonNullable<AccountSummary['closure']> }) {
  return (
    <View id='account-closed' className='card'>
      <Text className='card__title'>电子账户已注销</Text>
      <Text className='hint'>
        您的电子账户 {account.accountNumberMasked} 已于 {formatDateTime(closure.closedAt)} 注销，不能再办理交易。
      </Text>
      <View className='info-row'>
        <Text className='info-row__label'>余额转入</Text>
        <Text id='closed-card' className='info-row__value'>
          {closure.sweptToCard.bankName} {closure.sweptToCard.cardNumberMasked}
        </Text>
      </View>
      <View className='info-row'>
        <Text className='info-row__label'>转出金额</Text>
        <Text className='info-row__value'>{formatFen(closure.sweptFen)}</Text>
      </View>
      <ServicePhone lead='如有疑问，请拨打' />
      {/* The records are kept after closing: the customer may still see them and take a copy. */}
      <View className='menu'>
        <MenuRow id='go-privacy' label='个人信息与隐私' onClick={() => goTo(PAGES.privacy)} />
      </View>
    </View>
  );
}

/** 消息中心, with the server's unread count; a failed count shows no badge. */
function MessagesRow() {
  const { remote, reload } = useRemote(getUnreadMessages);
  // Shown once the profile has loaded, after the page's show: the first count is asked here,
  // later ones on each show.
  useEffect(() => {
    void reload();
  }, [reload]);
  const unread = remote.status === 'ready' ? remote.data.unread : 0;
  return <MenuRow id='go-messages' label='消息中心' badge={unread === 0 ? undefined : unread >= 99 ? '99+' : String(unread)} onClick={() => goTo(PAGES.messages)} />;
}

function AccountHome({ account }: { account: AccountSummary }) {
  if (account.closure) return <ClosedAccount account={account} closure={account.closure} />;
  return (
    <View>
      {account.status === 'FROZEN' && (
        <View id='account-frozen' className='notice'>
          <Text>您的电子账户已被冻结：可以收款，暂不能付款、转出或借款。</Text>
          <ServicePhone lead='如需解冻，请联系' />
        </View>
      )}
      <View className='balance-card'>
        <View className='balance-card__top'>
          <Text className='balance-card__product'>II 类电子账户</Text>
          <Text className='balance-card__number'>{account.accountNumberMasked}</Text>
        </View>
        <Text className='balance-card__label'>可用余额</Text>
        <Text id='balance' className='balance-card__amount'>
          {formatFen(account.balanceFen)}
        </Text>
        <View className='balance-card__card'>
          <Text>
            绑定卡 {account.boundCard.bankName} {account.boundCard.cardNumberMasked}
          </Text>
        </View>
      </View>

      <View className='card tiles'>
        {TILES.map((tile) => (
          <Tile key={tile.id} {...tile} />
        ))}
      </View>

      <CommunityZone />

      <View className='card menu'>
        <MessagesRow />
        <MenuRow id='go-change-pin' label='修改支付密码' onClick={() => goTo(PAGES.pin)} />
        <MenuRow id='go-soter' label='指纹/面容支付' onClick={() => goTo(PAGES.soter)} />
        <MenuRow id='go-card-change' label='更换绑定卡' onClick={() => goTo(PAGES.cardChange)} />
        <MenuRow id='go-phone-change' label='更换手机号' onClick={() => goTo(PAGES.phoneChange)} />
        <MenuRow id='go-security' label='账户安全（挂失）' onClick={() => goTo(PAGES.security)} />
        <MenuRow id='go-devices' label='登录设备管理' onClick={() => goTo(PAGES.devices)} />
        <MenuRow id='go-privacy' label='个人信息与隐私' onClick={() => goTo(PAGES.privacy)} />
        <MenuRow id='go-account-closure' label='注销电子账户' onClick={() => goTo(PAGES.accountClosure)} />
        <MenuRow id='go-complaints' label='投诉与建议' onClick={() => goTo(PAGES.complaints)} />
      </View>
    </View>
  );
}

export default function HomePage() {
  const { remote, reload } = useRemote(getMe);
  useShareLanding(remote.status === 'ready');

  async function handleSignOut() {
    await signOut();
    goLogin();
  }

  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;

  const me = remote.data;
  return (
    <View className='page home'>
      <Intro title={me.realName ? `${me.realName.nameMasked}，您好` : '您好'} text='欢迎使用近邻银行' />

      {me.pinLockedUntil && new Date(me.pinLockedUntil) > new Date() && (
        <View className='notice'>
          <Text>支付密码输错次数过多，已锁定至 {formatDateTime(me.pinLockedUntil)}</Text>
        </View>
      )}

      {me.account ? <AccountHome account={me.account} /> : <Onboarding me={me} />}

      <ManagerCard />

      <View className='home__footer'>
        <Text id='sign-out' className='home__sign-out' onClick={handleSignOut}>
          退出登录
        </Text>
        <Text id='go-rm' className='home__sign-out' onClick={() => goTo(PAGES.rmWorkbench)}>
          客户经理工作台
        </Text>
      </View>
    </View>
  );
}
