import { CardMoneyForm } from '@/components/CardMoneyForm';

export default function TopUpPage() {
  return <CardMoneyForm direction='top-up' />;
}
