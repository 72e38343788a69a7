import { Text, View } from '@tarojs/components';
import { RemoteStatus } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { getLoanContract } from '../../api';
import '../../loan.css';

/** The loan contract in force, as the server publishes it: what a drawdown agrees to. */
export default function LoanContractPage() {
  const { remote, reload } = useRemote(getLoanContract);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const contract = remote.data;
  return (
    <View className='page'>
      <View className='card contract'>
        <Text id='contract-title' className='card__title'>{contract.title}</Text>
        <Text id='contract-version' className='card__subtitle'>合同版本 {contract.textVersion}</Text>
        {contract.clauses.map((clause) => (
          <Text key={clause} className='contract__clause'>
            {clause}
          </Text>
        ))}
      </View>
    </View>
  );
}
