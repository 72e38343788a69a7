import type { ReactNode } from 'react';
import type { Payment } from '@/hooks/usePayment';
import { DeviceVerifySheet } from './DeviceVerifySheet';
import { PinLockedSheet, PinSheet } from './PinSheet';
import { ReviewSheet } from './ReviewSheet';
import { RiskWarningSheet } from './RiskWarningSheet';
import { SoterSheet } from './SoterSheet';
import { SubmitActions } from './SubmitButton';

/** The sheets of a form's payment (usePayment) over its page: the review, then the fingerprint or
 *  face (when enrolled, weapp) or the PIN; on a device not yet verified, a code to the bound phone
 *  before the review; the server's anti-fraud warning, when its review carries one, before both.
 *  `title` says what is being paid, e.g. 转账. */
export function PaymentSheets({ payment, title, incoming = false, confirmLabel }: { payment: Payment; title: string; incoming?: boolean; confirmLabel?: string }) {
  const { sheet } = payment;
  switch (sheet.step) {
    case 'closed':
      return null;
    case 'device':
      return <DeviceVerifySheet onVerified={payment.deviceVerified} onCancel={payment.close} />;
    case 'stepUp':
      return <DeviceVerifySheet key='step-up' stepUpReason={sheet.reason} onVerified={payment.deviceVerified} onCancel={payment.close} />;
    case 'authorizing':
      return <ReviewSheet title={title} incoming={incoming} confirmLabel={confirmLabel} review={null} onConfirm={payment.confirm} onCancel={payment.close} />;
    case 'risk':
      return <RiskWarningSheet title={title} reasons={sheet.risk.reasons} delayHours={sheet.risk.delayHours} onCancel={payment.close} onContinue={payment.acknowledgeRisk} />;
    case 'review':
      return <ReviewSheet title={title} incoming={incoming} confirmLabel={confirmLabel} review={sheet.authorization.review} onConfirm={payment.confirm} onCancel={payment.close} />;
    case 'soter':
      return <SoterSheet title={title} review={sheet.review} incoming={incoming} authMode={sheet.authMode} sending={payment.sending} onUsePin={payment.choosePin} />;
    case 'pin':
      return (
        <PinSheet
          key={sheet.attempt}
          title={title}
          review={sheet.review}
          incoming={incoming}
          authorization={sheet.authorization}
          message={sheet.message}
          sending={payment.sending}
          onEntered={payment.pay}
          onBack={payment.back}
        />
      );
    case 'locked':
      return <PinLockedSheet message={sheet.message} onClose={payment.close} />;
  }
}

interface PaymentActionsProps {
  /** Id of the form's button. */
  id: string;
  payment: Payment;
  /** What is being paid, the sheets' title. */
  title: string;
  /** Checks the form and starts the payment. */
  onClick: () => void;
  /** Further buttons after the form's own. */
  extra?: ReactNode;
  /** The button's label. */
  children: string;
  /** Money comes into the account (a redemption): the sheet names the receiving account. */
  incoming?: boolean;
  /** The review's confirm button where the request is no payment (ReviewSheet). */
  confirmLabel?: string;
  /** The form's button cannot be tapped yet (SubmitButton). */
  disabled?: boolean;
}

/** The foot of a money form: its button, the last refusal in the server's words, and the sheets
 *  the button opens. */
export function PaymentActions({ id, payment, title, onClick, extra, children, incoming, confirmLabel, disabled }: PaymentActionsProps) {
  return (
    <>
      <SubmitActions id={id} busy={payment.busy} disabled={disabled} error={payment.error} onClick={onClick} extra={extra}>
        {children}
      </SubmitActions>
      <PaymentSheets payment={payment} title={title} incoming={incoming} confirmLabel={confirmLabel} />
    </>
  );
}
