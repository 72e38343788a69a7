import { Button } from '@tarojs/components';
import { optionalId } from '@/lib/optional-id';

interface LoadMoreProps {
  loading: boolean;
  onClick: () => void;
  id?: string;
}

/** The foot of a paged list while the server has another page. */
export function LoadMore({ loading, onClick, id }: LoadMoreProps) {
  return (
    <Button
      {...optionalId(id)}
      className={loading ? 'btn btn--ghost btn--disabled' : 'btn btn--ghost'}
      disabled={loading}
      onClick={loading ? undefined : onClick}
    >
      {loading ? '加载中…' : '加载更多'}
    </Button>
  );
}
