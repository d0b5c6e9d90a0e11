import { App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../components/api-errors';
import { downloadTemplate, LIST_NOUN, type IoList, type SheetFormat } from './IoApi';

/** The documented import template of a list (column names and instructions), as XLSX or CSV. */
export default function IoTemplateCard({ list }: { list: IoList }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<SheetFormat | null>(null);

  const template = async (format: SheetFormat) => {
    setBusy(format);
    try {
      await downloadTemplate(list, format);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          下载{LIST_NOUN[list]}导入模板
        </Typography.Title>
      }
    >
      <Typography.Paragraph>模板含列名和填写说明。金额以元为单位，日期为 YYYY-MM-DD。</Typography.Paragraph>
      <Space>
        <Button loading={busy === 'xlsx'} onClick={() => template('xlsx')} data-testid="io-template-xlsx">
          下载模板（XLSX）
        </Button>
        <Button loading={busy === 'csv'} onClick={() => template('csv')} data-testid="io-template-csv">
          下载模板（CSV）
        </Button>
      </Space>
    </Card>
  );
}
