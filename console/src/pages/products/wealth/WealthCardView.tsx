// What the customer sees of a wealth product — its card and rules, and the risk disclosure a
// purchase acknowledges — exactly as the server rendered them (the customers' own view of it).
// Only fen are formatted here; nothing is computed.
import { ProCard } from '@ant-design/pro-components';
import { Descriptions, Space, Statistic, Tag, Typography } from 'antd';
import { formatYuan } from '../../../../../functions/domain/format';
import type { WealthCard } from '@/api/wealth';

interface Props {
  card: WealthCard;
  disclosure: { title: string; text: string; version: string };
}

const RISK_COLOURS: Record<string, string> = { R1: 'green', R2: 'cyan', R3: 'gold', R4: 'orange', R5: 'red' };

export function WealthCardView({ card, disclosure }: Props) {
  const subscriptionWindow = `${card.subscriptionOpensOn} 至 ${card.subscriptionClosesOn ?? '长期开放'}`;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <ProCard
        id="wealth-card"
        title={card.name}
        subTitle={`${card.typeLabel} · v${card.version}`}
        extra={<Tag color={RISK_COLOURS[card.riskLevel]}>{card.riskLabel}</Tag>}
        bordered
        size="small"
        style={{ background: '#fafcff' }}
      >
        <Space size="large" wrap style={{ marginBottom: 12 }}>
          <Statistic
            title={card.headline.label}
            value={card.headline.display}
            valueRender={() => <span id="wealth-card-headline">{card.headline.display}</span>}
          />
          {card.incomePer10kDisplay && <Statistic title="万份收益（元）" value={card.incomePer10kDisplay} />}
          <Statistic title="申购状态" value={card.onSale ? '可购买' : '暂不可购买'} valueStyle={{ color: card.onSale ? '#3f8600' : '#8c8c8c' }} />
        </Space>
        <Descriptions column={1} size="small">
          <Descriptions.Item label="净值日期">{card.headline.date ?? '尚未发布'}</Descriptions.Item>
          <Descriptions.Item label="购买规则">
            <span id="wealth-card-purchase-rule">{card.purchaseRule}</span>，单笔最高 {formatYuan(card.maxPurchaseFen)} 元
          </Descriptions.Item>
          <Descriptions.Item label="赎回规则">
            <span id="wealth-card-redemption-rule">{card.redemptionRule}</span>
          </Descriptions.Item>
          <Descriptions.Item label="募集期">{subscriptionWindow}</Descriptions.Item>
          {card.termDays !== null && <Descriptions.Item label="期限">{`${card.termDays} 天，${card.maturityDate} 到期`}</Descriptions.Item>}
          <Descriptions.Item label="冷静期">{card.coolingOffHours > 0 ? `${card.coolingOffHours} 小时` : '无'}</Descriptions.Item>
          <Descriptions.Item label="费率">{card.fees.display}</Descriptions.Item>
          <Descriptions.Item label="发行机构">{`${card.issuerName}（${card.issuerLabel}）`}</Descriptions.Item>
          {card.description && <Descriptions.Item label="产品说明">{card.description}</Descriptions.Item>}
        </Descriptions>
      </ProCard>
      <ProCard id="wealth-disclosure" title={disclosure.title} subTitle={`版本 ${disclosure.version}`} bordered size="small">
        <Typography.Paragraph style={{ marginBottom: 0, fontSize: 13 }}>{disclosure.text}</Typography.Paragraph>
      </ProCard>
    </Space>
  );
}
