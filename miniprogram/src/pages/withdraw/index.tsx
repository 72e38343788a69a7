import { CardMoneyForm } from '@/components/CardMoneyForm';

export default function WithdrawPage() {
  return <CardMoneyForm direction='withdraw' />;
}
