import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Spin, Timeline, Typography } from 'antd';
import { errorMessage } from '../../components/api-errors';
import { dateText } from '../../components/labels';
import { getHistory, historyKey, type HistoryEntry, type ItemKind } from './ItemApi';
import { StatusTag } from './ItemTags';

interface Row {
  entry: HistoryEntry;
  /** Consecutive edits of the content (autosaves) shown as one line. */
  edits: number;
  firstAt: string;
}

/** Edits that do not change the state are folded together: one line per run of saves. */
function fold(entries: HistoryEntry[]): Row[] {
  const rows: Row[] = [];
  for (const e of entries) {
    const last = rows[rows.length - 1];
    const isEdit = e.action.endsWith('.update') && e.fromState === e.toState;
    if (isEdit && last && last.edits > 0 && last.entry.actorUserId === e.actorUserId) {
      last.edits += 1;
      last.entry = e;
      continue;
    }
    rows.push({ entry: e, edits: isEdit ? 1 : 0, firstAt: e.at });
  }
  return rows;
}

function who(e: HistoryEntry): string {
  if (e.actorName && e.actorOrganizationName) return `${e.actorName}（${e.actorOrganizationName}）`;
  return e.actorName ?? e.actorOrganizationName ?? '系统';
}

const stateTag = (state: string | null, label: string | null) => (state ? <StatusTag status={state} label={label} /> : null);

/** Every change of state of the item: when, what, from → to, who, and why. */
export default function ItemHistory({ kind, id }: { kind: ItemKind; id: string }) {
  const history = useQuery({ queryKey: historyKey(kind, id), queryFn: () => getHistory(kind, id) });
  if (history.isLoading) return <Spin aria-label="正在加载变更记录" />;
  if (history.isError) return <Alert type="error" showIcon title={errorMessage(history.error)} />;
  const rows = fold(history.data ?? []);
  if (!rows.length) return <Empty description="还没有变更记录" />;
  return (
    <Timeline
      data-testid="item-history"
      items={rows.map(({ entry: e, edits, firstAt }, i) => ({
        key: `${e.at}-${i}`,
        color: e.toState === 'rejected' ? 'red' : e.toState === 'published' ? 'green' : e.toState === 'closed' ? 'gray' : 'blue',
        content: (
          <div>
            <Typography.Text strong>{edits > 1 ? `${e.actionLabel}（${edits} 次）` : e.actionLabel}</Typography.Text>{' '}
            {e.fromState !== e.toState && (
              <span>
                {stateTag(e.fromState, e.fromLabel)}
                {e.fromState && '→ '}
                {stateTag(e.toState, e.toLabel)}
              </span>
            )}
            <div>
              {edits > 1 ? `${dateText(firstAt)} 至 ${dateText(e.at)}` : dateText(e.at)} · {who(e)}
            </div>
            {e.reason && <div>原因：{e.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}
