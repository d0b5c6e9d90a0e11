import { Button, Checkbox, Flex, Form, InputNumber, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { ORG_KIND } from '../../components/labels';
import { RegionCascader, useReference } from '../../components/reference';
import type { SearchField, SearchMode, SearchOrgKind, SearchState } from './searchState';
import { activeFilterCount } from './searchState';

type Facets = Record<string, Record<string, number>>;

interface Props {
  state: SearchState;
  facets: Facets;
  /** Applies a change of filters (back to page 1). */
  onChange: (patch: Partial<SearchState>) => void;
  onClear: () => void;
}

const TRLS = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const withCount = (label: string, n: number | undefined) => (n === undefined ? label : `${label}（${n}）`);

/** A 万元 amount applied when the field is left or Enter is pressed (not on every keystroke). */
function MoneyInput({ id, label, value, onApply }: { id: string; label: string; value?: number; onApply: (v?: number) => void }) {
  const [draft, setDraft] = useState<number | null>(value ?? null);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // The URL changed (back button, 清除筛选): show what it says.
    setSeen(value);
    setDraft(value ?? null);
  }
  const apply = () => {
    const next = draft === null ? undefined : draft;
    if (next !== value) onApply(next);
  };
  return (
    <InputNumber
      id={id}
      aria-label={label}
      min={0}
      max={1_000_000}
      value={draft}
      onChange={(v) => setDraft(typeof v === 'number' ? v : null)}
      onBlur={apply}
      onPressEnter={apply}
      style={{ width: '100%' }}
    />
  );
}

/** The search's filters, each with the number of hits the API counted for its values. */
export default function SearchFilters({ state, facets, onChange, onClear }: Props) {
  const { data: ref } = useReference();
  const f = (name: string, value: string) => facets[name]?.[value];
  const moneyLabel = state.type === 'need' ? '预算上限' : '转让价格';
  const orgKinds: SearchOrgKind[] = ['enterprise', 'university', 'institute'];

  return (
    <Form layout="vertical" component="div" requiredMark={false}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          筛选
        </Typography.Title>
        <Button size="small" type="link" onClick={onClear} disabled={activeFilterCount(state) === 0}>
          清除筛选
        </Button>
      </Flex>

      <Form.Item label="产业领域" htmlFor="filter-field">
        <Select<SearchField>
          id="filter-field"
          allowClear
          showSearch
          placeholder="全部领域"
          value={state.field}
          onChange={(v) => onChange({ field: v ?? undefined })}
          options={(ref?.fields ?? []).map((x) => ({ value: x, label: withCount(x, f('field', x)) }))}
        />
      </Form.Item>

      <Form.Item label="所在地" htmlFor="filter-region" extra="选择市时包含其下辖县（市、区）">
        <RegionCascader
          id="filter-region"
          aria-label="所在地"
          placeholder="全部地区"
          value={state.region}
          onChange={(v) => onChange({ region: v })}
        />
      </Form.Item>

      <Form.Item label="技术成熟度（TRL）">
        <Flex gap={8} align="center">
          <Select<number>
            aria-label="技术成熟度最低"
            allowClear
            placeholder="最低"
            value={state.trlMin}
            onChange={(v) => onChange({ trlMin: v ?? undefined })}
            options={TRLS.filter((t) => state.trlMax === undefined || t <= state.trlMax).map((t) => ({
              value: t,
              label: withCount(`TRL ${t}`, f('trl', String(t))),
            }))}
            style={{ flex: 1 }}
          />
          <span aria-hidden>—</span>
          <Select<number>
            aria-label="技术成熟度最高"
            allowClear
            placeholder="最高"
            value={state.trlMax}
            onChange={(v) => onChange({ trlMax: v ?? undefined })}
            options={TRLS.filter((t) => state.trlMin === undefined || t >= state.trlMin).map((t) => ({
              value: t,
              label: withCount(`TRL ${t}`, f('trl', String(t))),
            }))}
            style={{ flex: 1 }}
          />
        </Flex>
      </Form.Item>

      <Form.Item label={`${moneyLabel}（万元）`} extra={state.type === 'need' ? '按需求预算上限筛选' : '面议的成果不在价格筛选结果中'}>
        <Flex gap={8} align="center">
          <MoneyInput
            id="filter-price-min"
            label={`${moneyLabel}最低（万元）`}
            value={state.priceMin}
            onApply={(v) => onChange({ priceMin: v })}
          />
          <span aria-hidden>—</span>
          <MoneyInput
            id="filter-price-max"
            label={`${moneyLabel}最高（万元）`}
            value={state.priceMax}
            onApply={(v) => onChange({ priceMax: v })}
          />
        </Flex>
      </Form.Item>

      <Form.Item label="合作方式">
        <Checkbox.Group
          aria-label="合作方式"
          value={state.modes}
          onChange={(v) => onChange({ modes: v as SearchMode[] })}
          style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', rowGap: 4 }}
          options={(ref?.cooperationModes ?? []).map((m) => ({ value: m, label: withCount(m, f('cooperationModes', m)) }))}
        />
      </Form.Item>

      <Form.Item label="发布单位类型">
        <Radio.Group
          aria-label="发布单位类型"
          value={state.orgKind ?? ''}
          onChange={(e) => onChange({ orgKind: (e.target.value || undefined) as SearchOrgKind | undefined })}
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          options={[{ value: '', label: '不限' }, ...orgKinds.map((k) => ({ value: k, label: withCount(ORG_KIND[k], f('orgKind', k)) }))]}
        />
      </Form.Item>
    </Form>
  );
}
