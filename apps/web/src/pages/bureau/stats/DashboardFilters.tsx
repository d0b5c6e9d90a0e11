import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../components/api-errors';
import { useReference } from '../../../components/reference';
import { downloadStatsExport, type StatsQuery } from './stats-api';

/** The city the bureau reports for (the API's figures are its, with its counties). */
export const CITY = '荆门市';

type Mode = 'year' | 'quarter' | 'month' | 'range';
const MODES: { value: Mode; label: string }[] = [
  { value: 'year', label: '年度' },
  { value: 'quarter', label: '季度' },
  { value: 'month', label: '月份' },
  { value: 'range', label: '自定义' },
];

/** The filter lives in the address, so a reload or a shared link shows the same figures. */
export function useStatsFilter(): { query: StatsQuery; mode: Mode; set: (next: Record<string, string | undefined>) => void } {
  const [params, setParams] = useSearchParams();
  const num = (k: string) => (params.get(k) ? Number(params.get(k)) : undefined);
  const mode = (params.get('mode') as Mode | null) ?? 'year';
  const thisYear = dayjs().year();
  const query: StatsQuery =
    mode === 'range'
      ? { from: params.get('from') ?? `${thisYear}-01-01`, to: params.get('to') ?? undefined }
      : {
          year: num('year') ?? thisYear,
          quarter: mode === 'quarter' ? (num('quarter') ?? Math.floor(dayjs().month() / 3) + 1) : undefined,
          month: mode === 'month' ? (num('month') ?? dayjs().month() + 1) : undefined,
        };
  // An unknown county or field in the address is the API's to refuse, with a message naming it.
  query.county = (params.get('county') ?? undefined) as StatsQuery['county'];
  query.field = (params.get('field') ?? undefined) as StatsQuery['field'];
  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '') p.delete(k);
      else p.set(k, v);
    }
    setParams(p, { replace: true });
  };
  return { query, mode, set };
}

/** Period (year, quarter, month or a range, Beijing time), place (city or one county), field; and the XLSX export. */
export default function DashboardFilters() {
  const { query, mode, set } = useStatsFilter();
  const { data: ref } = useReference();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const thisYear = dayjs().year();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
  const counties = ref?.regions.prefectures.find((p) => p.name === CITY)?.counties ?? [];
  const range: [Dayjs, Dayjs] = [dayjs(query.from ?? `${thisYear}-01-01`), dayjs(query.to ?? undefined)];

  return (
    <Flex gap={12} wrap align="center" role="search" aria-label="统计筛选">
      <Segmented<Mode>
        aria-label="统计期间类型"
        value={mode}
        options={MODES}
        onChange={(m) => set({ mode: m === 'year' ? undefined : m })}
      />
      {mode !== 'range' && (
        <Select
          aria-label="年度"
          value={query.year}
          style={{ width: 110 }}
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
          onChange={(y) => set({ year: String(y) })}
        />
      )}
      {mode === 'quarter' && (
        <Select
          aria-label="季度"
          value={query.quarter}
          style={{ width: 110 }}
          options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${q}季度` }))}
          onChange={(q) => set({ quarter: String(q) })}
        />
      )}
      {mode === 'month' && (
        <Select
          aria-label="月份"
          value={query.month}
          style={{ width: 100 }}
          options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))}
          onChange={(m) => set({ month: String(m) })}
        />
      )}
      {mode === 'range' && (
        <DatePicker.RangePicker
          aria-label="起止日期"
          value={range}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && set({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
        />
      )}
      <Select
        aria-label="地区"
        value={query.county ?? ''}
        style={{ width: 170 }}
        options={[{ value: '', label: `${CITY}全市` }, ...counties.map((c) => ({ value: c, label: c }))]}
        onChange={(c) => set({ county: c || undefined })}
      />
      <Select
        aria-label="产业领域"
        value={query.field ?? ''}
        style={{ width: 170 }}
        options={[{ value: '', label: '全部产业领域' }, ...(ref?.fields ?? []).map((f) => ({ value: f, label: f }))]}
        onChange={(f) => set({ field: f || undefined })}
      />
      <Button
        icon={<DownloadOutlined />}
        loading={exporting}
        data-testid="stats-export"
        onClick={async () => {
          setExporting(true);
          try {
            await downloadStatsExport(query);
            message.success('已开始下载统计报表');
          } catch (err) {
            message.error(errorMessage(err));
          } finally {
            setExporting(false);
          }
        }}
      >
        导出 XLSX
      </Button>
    </Flex>
  );
}
