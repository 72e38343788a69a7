import { Button, Text, View } from '@tarojs/components';
import { optionalId } from '@/lib/optional-id';

interface BlockedProps {
  title: string;
  text: string;
  /** Where to go instead. */
  action: { label: string; onClick: () => void; id?: string };
}

/** A page that cannot go on (no e-account yet, no credit line): why, and where to go instead. */
export function Blocked({ title, text, action }: BlockedProps) {
  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>{title}</Text>
        <Text className='hint'>{text}</Text>
      </View>
      <View className='actions'>
        <Button {...optionalId(action.id)} className='btn btn--primary' onClick={action.onClick}>
          {action.label}
        </Button>
      </View>
    </View>
  );
}
