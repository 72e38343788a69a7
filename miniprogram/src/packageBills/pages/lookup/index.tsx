import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { BillerView, BillView } from '@contract/bill-schemas';
import { useEffect, useState } from 'react';
import { getBillers, lookUpBill, lookUpPayeeBill, payBill, savePayee } from '@/api/bills';
import { errorMessage } from '@/api/http';
import { Field } from '@/components/Field';
import { ErrorText, LoadFailed, Loading } from '@/components/Status';
import { SubmitButton } from '@/components/SubmitButton';
import { useSubmit } from '@/hooks/useSubmit';
import { formatFen, parseYuanToFen } from '@/lib/money';
import { goTo, PAGES, replaceWith } from '@/lib/nav';
import { fenToYuanInput } from '../../amount';
import '../../bills.css';

const PIN_PATTERN = /^\d{6}$/;

function Row({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className='info-row'>
      <Text className='info-row__label'>{label}</Text>
      <Text id={id} className='info-row__value'>
        {value}
      </Text>
    </View>
  );
}

/** The bill as the biller's gateway showed it, and the payment form when something is payable. */
function BillCard({ view, accountNumber }: { view: BillView; accountNumber: string }) {
  const options = view.amount;
  const [amount, setAmount] = useState(options && options.fixedFen === null && options.presetsFen[0] ? fenToYuanInput(options.presetsFen[0]) : '');
  const [pin, setPin] = useState('');
  const [nickname, setNickname] = useState('');
  const [saved, setSaved] = useState(false);
  const [saveError, setSaveError] = useState('');
  const { busy, error, setError, run, resetKey } = useSubmit();

  function changeAmount(value: string) {
    setAmount(value);
    resetKey();
  }

  async function handlePay() {
    if (!options) return;
    let amountFen = options.fixedFen;
    if (amountFen === null) {
      const parsed = parseYuanToFen(amount);
      if (!parsed.ok) {
        setError(parsed.message);
        return;
      }
      amountFen = parsed.amountFen;
    }
    if (!PIN_PATTERN.test(pin)) {
      setError('请输入 6 位支付密码');
      return;
    }
    const target = view.payeeId ? { payeeId: view.payeeId } : { billerId: view.biller.billerId, accountNumber };
    const body = { ...target, amountFen, pin, ...(view.bill ? { billPeriod: view.bill.period } : {}) };
    const result = await run((idempotencyKey) => payBill(body, idempotencyKey));
    if (result) replaceWith(PAGES.billReceipt, { paymentId: result.paymentId, balanceFen: result.balanceFen });
    else setPin('');
  }

  async function handleSave() {
    setSaveError('');
    try {
      await savePayee({ nickname: nickname.trim() || view.biller.name, billerId: view.biller.billerId, accountNumber });
      setSaved(true);
    } catch (failure) {
      setSaveError(errorMessage(failure));
    }
  }

  return (
    <View>
      <View className='card'>
        <Text className='card__title'>{view.biller.name}</Text>
        <Row label='户名' value={view.holderNameMasked} id='bill-holder' />
        <Row label={view.biller.accountNumberLabel} value={view.accountNumberMasked} />
        {view.bill ? (
          <View>
            <Row label='账期' value={view.bill.period} id='bill-period' />
            {view.bill.dueDate && <Row label='缴费截止' value={view.bill.dueDate} />}
            {view.bill.arrears && <Row label='其中滞纳金' value={formatFen(view.bill.arrears.lateFeeFen)} />}
            <Text className='info-row__label'>应缴金额</Text>
            <Text id='bill-amount-due' className='bill-due'>
              {formatFen(view.bill.amountDueFen)}
            </Text>
          </View>
        ) : (
          <Text className='hint'>当前没有待缴账单</Text>
        )}
      </View>

      {view.alreadyPaid && (
        <View id='bill-already-paid' className='notice'>
          <Text>本期账单已缴清，无需重复缴费</Text>
          {view.alreadyPaid.paymentId && (
            <Text className='link' onClick={() => goTo(PAGES.billReceipt, { paymentId: view.alreadyPaid!.paymentId! })}>
              {' '}查看回单 ›
            </Text>
          )}
        </View>
      )}

      {options && !view.alreadyPaid && (
        <View className='card'>
          {options.fixedFen !== null ? (
            <Row label='缴费金额' value={formatFen(options.fixedFen)} id='bill-amount-fixed' />
          ) : (
            <View>
              {options.presetsFen.length > 1 && (
                <View className='chips'>
                  {options.presetsFen.map((fen) => (
                    <View key={fen} id={`bill-preset-${fen}`} className={amount === fenToYuanInput(fen) ? 'chip chip--selected' : 'chip'} onClick={() => changeAmount(fenToYuanInput(fen))}>
                      <Text>{formatFen(fen)}</Text>
                    </View>
                  ))}
                </View>
              )}
              <Field id='bill-amount' label='缴费金额' kind='amount' value={amount} onChange={changeAmount} maxlength={13} placeholder='0.00' />
              <Text className='hint'>
                可缴 {formatFen(options.minFen)} – {formatFen(options.maxFen)}
                {options.kind === 'AT_LEAST_BILL' ? '，超出账单的部分作为预存' : ''}
              </Text>
            </View>
          )}
          <Field id='pin-input' label='支付密码' kind='pin' value={pin} onChange={setPin} placeholder='6 位数字' />
          <View className='actions'>
            <SubmitButton id='bill-pay-submit' busy={busy} onClick={handlePay}>
              确认缴费
            </SubmitButton>
          </View>
          <ErrorText message={error} />
        </View>
      )}

      {!view.payeeId && (
        <View className='card'>
          {saved ? (
            <Text id='bill-payee-saved' className='hint'>
              已保存为常用缴费户
            </Text>
          ) : (
            <View>
              <Field id='bill-payee-nickname' label='备注名' value={nickname} onChange={setNickname} maxlength={20} placeholder='如：家里电费' />
              <Button id='bill-save-payee' className='btn btn--ghost' onClick={handleSave}>
                保存为常用缴费户
              </Button>
              <ErrorText message={saveError} />
            </View>
          )}
        </View>
      )}
    </View>
  );
}

function AccountForm({ biller }: { biller: BillerView }) {
  const [accountNumber, setAccountNumber] = useState('');
  const [view, setView] = useState<BillView | null>(null);
  const [queried, setQueried] = useState('');
  const { busy, error, run } = useSubmit();

  async function handleQuery() {
    const result = await run(() => lookUpBill(biller.billerId, accountNumber));
    if (result) {
      setView(result);
      setQueried(accountNumber);
    }
  }

  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>{biller.name}</Text>
        <Text className='card__subtitle'>{biller.accountNumberHint}</Text>
        <Field
          id='bill-account'
          label={biller.accountNumberLabel}
          value={accountNumber}
          onChange={(value) => setAccountNumber(value.toUpperCase())}
          maxlength={30}
          placeholder={`请输入${biller.accountNumberLabel}`}
        />
        <View className='actions'>
          <SubmitButton id='bill-query' busy={busy} onClick={handleQuery}>
            查询账单
          </SubmitButton>
        </View>
        <ErrorText message={error} />
      </View>
      {view && queried === accountNumber && <BillCard key={`${queried}-${view.bill?.period ?? ''}`} view={view} accountNumber={queried} />}
    </View>
  );
}

function PayeeBill({ payeeId }: { payeeId: string }) {
  const [state, setState] = useState<{ view: BillView } | { error: string } | null>(null);
  async function load() {
    setState(null);
    try {
      setState({ view: await lookUpPayeeBill(payeeId) });
    } catch (failure) {
      setState({ error: errorMessage(failure) });
    }
  }
  useEffect(() => {
    void load();
  }, [payeeId]);
  if (!state) return <Loading />;
  if ('error' in state) return <LoadFailed message={state.error} onRetry={load} />;
  return (
    <View className='page'>
      <BillCard view={state.view} accountNumber='' />
    </View>
  );
}

function BillerForm({ billerId }: { billerId: string }) {
  const [state, setState] = useState<{ biller: BillerView } | { error: string } | null>(null);
  async function load() {
    setState(null);
    try {
      const catalog = await getBillers();
      const biller = catalog.items.find((item) => item.billerId === billerId);
      setState(biller ? { biller } : { error: '该缴费单位暂不可用' });
    } catch (failure) {
      setState({ error: errorMessage(failure) });
    }
  }
  useEffect(() => {
    void load();
  }, [billerId]);
  if (!state) return <Loading />;
  if ('error' in state) return <LoadFailed message={state.error} onRetry={load} />;
  return <AccountForm biller={state.biller} />;
}

/** Look a bill up (by account number, or a saved payee in one tap) and pay it with the PIN. */
export default function BillLookupPage() {
  const { params } = useRouter();
  if (params.payeeId) return <PayeeBill payeeId={params.payeeId} />;
  if (!params.billerId) {
    void Taro.navigateBack();
    return null;
  }
  return <BillerForm billerId={params.billerId} />;
}
