import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Spin, Timeline, Typography } from 'antd';
import { errorMessage } from '../../components/api-errors';
import { dateText } from '../../components/labels';
import { getHistory, historyKey, type HistoryEntry, type ReviewKind } from './ReviewApi';

function who(e: HistoryEntry): string {
  if (e.actorName && e.actorOrganizationName) return `${e.actorName}（${e.actorOrganizationName}）`;
  return e.actorName ?? e.actorOrganizationName ?? '系统';
}

const COLOR: Record<string, string> = { rejected: 'red', published: 'green', confirmed: 'green', closed: 'gray' };

/** Every change of the item: time, action, from → to, who, and why. */
export default function ReviewHistory({ kind, id }: { kind: ReviewKind; id: string }) {
  const history = useQuery({ queryKey: historyKey(kind, id), queryFn: () => getHistory(kind, id) });
  if (history.isLoading) return <Spin aria-label="正在加载变更记录" />;
  if (history.isError) return <Alert type="error" showIcon title={errorMessage(history.error)} />;
  const entries = history.data ?? [];
  if (!entries.length) return <Empty description="还没有变更记录" />;
  return (
    <Timeline
      data-testid="review-history"
      items={entries.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: (e.toState && COLOR[e.toState]) || 'blue',
        content: (
          <div>
            <Typography.Text strong>{e.actionLabel}</Typography.Text>
            {(e.fromLabel || e.toLabel) && e.fromState !== e.toState && (
              <span>
                {' '}
                {e.fromLabel ?? '—'} → {e.toLabel ?? '—'}
              </span>
            )}
            <div>
              {dateText(e.at)} · {who(e)}
            </div>
            {e.reason && <div>原因：{e.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}
