import { App, Button, Card, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../components/api-errors';
import { downloadTemplate, LIST_NOUN, type IoList, type SheetFormat } from './IoApi';
import IoExportCard from './IoExportCard';
import IoImportCard from './IoImportCard';

const LISTS: IoList[] = ['needs', 'results', 'adoptions'];
const SHORT: Record<IoList, string> = { needs: '需求', results: '成果', adoptions: '转化应用' };

/** The bureau's bulk work on the three lists: templates, checked imports, filtered exports. */
export default function CatalogIoPage() {
  const [params, setParams] = useSearchParams();
  // Kept in state (the switch is immediate) and mirrored in the URL so a reload keeps it.
  const [list, setList] = useState<IoList>(LISTS.includes(params.get('list') as IoList) ? (params.get('list') as IoList) : 'needs');
  const choose = (l: IoList) => {
    setList(l);
    setParams({ list: l }, { replace: true });
  };
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
    <div>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        清单导入导出
      </Typography.Title>
      <Space align="center" wrap style={{ marginBottom: 16 }}>
        <span id="io-kind-label">清单：</span>
        <Radio.Group
          aria-labelledby="io-kind-label"
          optionType="button"
          buttonStyle="solid"
          value={list}
          onChange={(e) => choose(e.target.value as IoList)}
          options={LISTS.map((l) => ({ value: l, label: SHORT[l] }))}
          data-testid="io-kind"
        />
      </Space>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
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
        <IoImportCard list={list} />
        <IoExportCard key={`export-${list}`} list={list} />
      </Space>
    </div>
  );
}
