import { Button, Text, View } from '@tarojs/components';
import { goHome } from '@/lib/nav';

export interface WayOn {
  label: string;
  onClick: () => void;
}

/**
 * A page opened for something it cannot show — a shared or stale link without its id, or one the
 * server does not know (404): says so and offers a way on (the list the thing lives in, and
 * home), never a retry that cannot help.
 */
export function MissingTarget({ message, next }: { message: string; next?: WayOn }) {
  return (
    <View className='page'>
      <View className='card'>
        <Text id='missing-target' className='card__title'>
          {message}
        </Text>
        <Text className='hint'>链接可能已失效或不完整，请从列表中重新查看。</Text>
      </View>
      <View className='actions'>
        {next && (
          <Button id='missing-target-next' className='btn btn--primary' onClick={next.onClick}>
            {next.label}
          </Button>
        )}
        <Button id='missing-target-home' className={next ? 'btn btn--ghost' : 'btn btn--primary'} onClick={goHome}>
          返回首页
        </Button>
      </View>
    </View>
  );
}
