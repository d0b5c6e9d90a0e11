import { Card, DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { RegionCascader, useReference } from '../../components/reference';
import { downloadExport, LIST_NOUN, type IoList, type IoScope } from './IoApi';
import SheetDownloadButtons from './SheetDownloadButtons';

interface Filters {
  field?: string;
  status?: string;
  region?: string;
  q?: string;
  contractKind?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const ITEM_STATUSES = ['draft', 'submitted', 'published', 'rejected', 'closed'] as const;
const ADOPTION_STATUSES = ['pending', 'confirmed', 'rejected'] as const;

/** The filters as the export accepts them (dates YYYY-MM-DD; empty ones left out). */
function toQuery(list: IoList, v: Filters): Record<string, string> {
  const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
  const [from, to] = v.range ?? [null, null];
  const q: Record<string, string | undefined> =
    list === 'adoptions'
      ? { field: v.field, status: v.status, contractKind: v.contractKind, signedFrom: day(from), signedTo: day(to) }
      : { field: v.field, status: v.status, region: v.region, q: v.q?.trim() || undefined, publishedFrom: day(from), publishedTo: day(to) };
  return Object.fromEntries(Object.entries(q).filter(([, x]) => x !== undefined && x !== '')) as Record<string, string>;
}

/**
 * Export the chosen list, filtered, as XLSX or CSV (Chinese column names, same as the template):
 * the bureau's console every organization's entries, an organization's own lists its own.
 */
export default function IoExportCard({ list, scope = 'bureau' }: { list: IoList; scope?: IoScope }) {
  const [form] = Form.useForm<Filters>();
  const { data: ref } = useReference();
  const statusLabels: Record<string, string> =
    list === 'adoptions' ? { ...(ref?.adoptionStatuses ?? {}) } : { ...(ref?.itemStatuses ?? {}) };
  const statuses = list === 'adoptions' ? ADOPTION_STATUSES : ITEM_STATUSES;
  const opts = (xs: readonly string[] | undefined) => (xs ?? []).map((x) => ({ value: x, label: x }));

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          导出{scope === 'own' ? '本单位的' : ''}
          {LIST_NOUN[list]}
        </Typography.Title>
      }
    >
      <Typography.Paragraph>
        按下面的条件导出{scope === 'own' ? '本单位各种状态的条目' : ''}（不选即全部），列名与导入模板相同。
      </Typography.Paragraph>
      <Form form={form} layout="inline" key={list} style={{ rowGap: 12, marginBottom: 16 }}>
        <Form.Item name="field" label="产业领域">
          <Select allowClear placeholder="全部" options={opts(ref?.fields)} style={{ width: 180 }} aria-label="产业领域" />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 140 }}
            aria-label="状态"
            options={statuses.map((s) => ({ value: s, label: statusLabels[s] ?? s }))}
          />
        </Form.Item>
        {list === 'adoptions' ? (
          <Form.Item name="contractKind" label="合同类型">
            <Select allowClear placeholder="全部" options={opts(ref?.contractKinds)} style={{ width: 160 }} aria-label="合同类型" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="region" label="所在地" style={{ minWidth: 240 }}>
              <RegionCascader placeholder="全部" />
            </Form.Item>
            <Form.Item name="q" label="关键词">
              <Input allowClear placeholder="标题或正文包含" style={{ width: 180 }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="range" label={list === 'adoptions' ? '签订日期' : '发布日期'}>
          <DatePicker.RangePicker allowEmpty={[true, true]} aria-label={list === 'adoptions' ? '签订日期范围' : '发布日期范围'} />
        </Form.Item>
      </Form>
      <SheetDownloadButtons
        download={(format) => downloadExport(list, format, toQuery(list, form.getFieldsValue()), scope)}
        label={(format) => `导出 ${format}`}
        testId="io-export"
        primary
        startedText="已开始下载"
      />
    </Card>
  );
}
