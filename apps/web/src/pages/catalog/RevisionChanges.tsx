import { Table, Typography } from 'antd';
import type { FieldChange } from './ItemApi';

const text = (s: string) => <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{s}</Typography.Text>;

/** A revision's changes field by field: the field's name, what is published now, and what it would become. */
export default function RevisionChanges({ changes, decided }: { changes: FieldChange[]; decided?: boolean }) {
  return (
    <Table<FieldChange>
      data-testid="revision-changes"
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={changes}
      columns={[
        { title: '字段', dataIndex: 'label', width: 140 },
        { title: decided ? '修改前' : '当前公开的内容', dataIndex: 'fromText', render: text },
        { title: '修改为', dataIndex: 'toText', render: (v: string) => <strong>{text(v)}</strong> },
      ]}
    />
  );
}
