import { Text, View } from '@tarojs/components';

interface ConsentProps {
  id: string;
  checked: boolean;
  onToggle: () => void;
  /** What the customer agrees to, in full. */
  children: string;
}

/** A tick box before an agreement the customer must accept (credit-report authorization, a
 *  product's risk disclosure). Styles: app.css `.consent`. */
export function Consent({ id, checked, onToggle, children }: ConsentProps) {
  return (
    <View id={id} className={checked ? 'consent consent--checked' : 'consent'} onClick={onToggle}>
      <View className='consent__box'>
        <Text>{checked ? '✓' : ''}</Text>
      </View>
      <Text className='consent__text'>{children}</Text>
    </View>
  );
}
