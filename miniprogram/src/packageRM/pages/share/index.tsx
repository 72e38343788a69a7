import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { NamedProduct, ShareLinkView, SharePoster } from '@contract/rm-schemas';
import { Field } from '@/components/Field';
import { InfoRow } from '@/components/InfoRow';
import { PrivacySheet } from '@/components/PrivacySheet';
import { ErrorText, RemoteStatus } from '@/components/Status';
import { SubmitActions } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { PAGES, replaceWith } from '@/lib/nav';
import { createShareLink, getPoster, getShareableProducts, getShareLink, isH5, revokeShareLink } from '../../api';
import { dateOf, LINK_DAYS } from '../../labels';
import { copyShareLink, savePosterToAlbum } from '../../poster-actions';
import '../../rm.css';

const productKey = (p: { type: string; id: string }) => `${p.type}-${p.id}`;

/** Pick a product, a campaign and how long the link lasts; the server issues the short code. */
function NewLink() {
  const { remote, reload } = useRemote(getShareableProducts);
  const [product, setProduct] = useState<NamedProduct | null>(null);
  const [campaign, setCampaign] = useState('');
  const [days, setDays] = useState<number | null>(30);
  const { busy, error, setError, run } = useSubmit();

  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;

  async function handleCreate() {
    if (!product) {
      setError('请选择要分享的产品');
      return;
    }
    const link = await run(() =>
      createShareLink({
        product: { type: product.type, id: product.id },
        ...(campaign.trim() ? { campaign: campaign.trim() } : {}),
        expiresInDays: days,
      }),
    );
    if (link) replaceWith(PAGES.rmShare, { code: link.code });
  }

  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>选择产品</Text>
        <View className='chips chips--standalone'>
          {remote.data.items.map((item) => (
            <Text
              key={productKey(item)}
              id={`rm-product-${productKey(item)}`}
              className={product && productKey(product) === productKey(item) ? 'chip chip--selected' : 'chip'}
              onClick={() => setProduct(item)}
            >
              {item.name}
            </Text>
          ))}
        </View>
      </View>
      <View className='card'>
        <Field id='rm-campaign' label='活动名称' value={campaign} onChange={setCampaign} maxlength={30} placeholder='选填，如 春季开户季' />
        <Text className='card__subtitle'>有效期</Text>
        <View className='chips chips--standalone'>
          {LINK_DAYS.map((choice) => (
            <Text
              key={choice.label}
              id={`rm-expiry-${choice.days ?? 'none'}`}
              className={choice.days === days ? 'chip chip--selected' : 'chip'}
              onClick={() => setDays(choice.days)}
            >
              {choice.label}
            </Text>
          ))}
        </View>
      </View>
      <SubmitActions id='rm-share-submit' busy={busy} error={error} onClick={handleCreate}>
        生成分享
      </SubmitActions>
    </View>
  );
}

async function loadShare(code: string): Promise<{ link: ShareLinkView; poster: SharePoster | null }> {
  const link = await getShareLink(code);
  return { link, poster: link.status === 'ACTIVE' ? await getPoster(code) : null };
}

/** The designed poster; in WeChat saved to the album, in a browser by a long press. */
function PosterCard({ poster }: { poster: SharePoster }) {
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState('');

  async function handleSave() {
    setSaving(true);
    setProblem('');
    const failed = await savePosterToAlbum(poster);
    setSaving(false);
    if (failed) setProblem(failed);
    else void Taro.showToast({ title: '已保存到相册', icon: 'success' });
  }

  return (
    <View className='card'>
      <Text className='card__title'>分享海报</Text>
      <Image
        id='rm-share-poster'
        className='rm-poster'
        mode='widthFix'
        src={`data:${poster.imageType};base64,${poster.imageBase64}`}
        showMenuByLongpress
      />
      {isH5 ? (
        <Text className='hint'>长按海报可保存到手机相册，客户用微信扫码即可打开。</Text>
      ) : (
        <View className='actions'>
          <Button id='rm-share-save' className={saving ? 'btn btn--primary btn--disabled' : 'btn btn--primary'} disabled={saving} onClick={handleSave}>
            {saving ? '正在保存…' : '保存海报到相册'}
          </Button>
          <Button id='rm-share-wechat' className='btn btn--ghost' openType='share'>
            分享给微信好友
          </Button>
        </View>
      )}
      <ErrorText message={problem} />
    </View>
  );
}

/** The H5 link, to paste wherever the manager talks to customers. */
function LinkUrlCard({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  const [problem, setProblem] = useState('');

  async function handleCopy() {
    const failed = await copyShareLink(url);
    setCopied(!failed);
    setProblem(failed ?? '');
  }

  return (
    <View className='card'>
      <Text className='card__title'>网页链接</Text>
      <Text id='rm-share-h5-url' className='rm-url' selectable userSelect>
        {url}
      </Text>
      <View className='actions'>
        <Button id='rm-copy-link' className='btn btn--ghost' onClick={handleCopy}>
          {copied ? '已复制' : '复制链接'}
        </Button>
      </View>
      <ErrorText message={problem} />
    </View>
  );
}

/** One link: the poster and the share card (WeChat), the H5 link; revoking, asked twice, last. */
function LinkCard({ code, onLink }: { code: string; onLink: (link: ShareLinkView) => void }) {
  const { remote, reload } = useRemote(() => loadShare(code));
  const { busy, error, run } = useSubmit();
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const { link, poster } = remote.data;
  onLink(link);

  async function handleRevoke() {
    const { confirm } = await Taro.showModal({
      title: '撤销该链接？',
      content: '撤销后，客户无法再通过此链接或海报打开，且不能恢复。',
      confirmText: '撤销',
      confirmColor: '#ce2f27',
    });
    if (confirm && (await run(() => revokeShareLink(code)))) await reload();
  }

  return (
    <View className='page'>
      <View className='card'>
        <View className='rm-item__top'>
          <Text className='card__title'>{link.product.name}</Text>
          <Text id='rm-link-status' className={link.status === 'ACTIVE' ? 'badge' : 'badge badge--muted'}>
            {link.statusLabel}
          </Text>
        </View>
        <Text className='card__subtitle'>{link.title}</Text>
        <InfoRow label='短码' value={link.code} id='rm-link-code' />
        <InfoRow label='活动' value={link.campaign ?? '—'} />
        <InfoRow label='有效期至' value={dateOf(link.expiresAt)} />
      </View>

      {poster && <PosterCard poster={poster} />}
      {link.status === 'ACTIVE' && link.h5Url && <LinkUrlCard url={link.h5Url} />}

      {link.status === 'ACTIVE' && (
        <Button id='rm-revoke' className='rm-revoke' disabled={busy} onClick={handleRevoke}>
          撤销该链接
        </Button>
      )}
      <ErrorText message={error} />
      <PrivacySheet />
    </View>
  );
}

export default function SharePage() {
  const { params } = useRouter();
  const code = typeof params.code === 'string' && /^[0-9A-Za-z]{8,10}$/.test(params.code) ? params.code : null;
  const shown = useRef<ShareLinkView | null>(null);
  // WeChat's share card: the path carries the short code; the title names manager and product.
  useShareAppMessage(() => {
    const link = shown.current;
    return link?.status === 'ACTIVE' ? { title: link.title, path: `/${link.sharePath}` } : { title: '近邻银行', path: `/${PAGES.home.slice(1)}` };
  });
  return code ? <LinkCard code={code} onLink={(link) => (shown.current = link)} /> : <NewLink />;
}
