import { Card, Typography } from 'antd';
import { downloadTemplate, LIST_NOUN, type IoList } from './IoApi';
import SheetDownloadButtons from './SheetDownloadButtons';

/** The documented import template of a list (column names and instructions), as XLSX or CSV. */
export default function IoTemplateCard({ list }: { list: IoList }) {
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          下载{LIST_NOUN[list]}导入模板
        </Typography.Title>
      }
    >
      <Typography.Paragraph>模板含列名和填写说明。金额以元为单位，日期为 YYYY-MM-DD。</Typography.Paragraph>
      <SheetDownloadButtons
        download={(format) => downloadTemplate(list, format)}
        label={(format) => `下载模板（${format}）`}
        testId="io-template"
      />
    </Card>
  );
}
