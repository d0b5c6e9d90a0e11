import { useQuery } from '@tanstack/react-query';
import { Cascader } from 'antd';
import { referenceQueryOptions } from './reference-query';

/** The lists' reference data (fields, cooperation modes, regions…): fetched once per visit. */
export function useReference() {
  return useQuery(referenceQueryOptions);
}

interface RegionCascaderProps {
  value?: string;
  onChange?: (region: string | undefined) => void;
  placeholder?: string;
  /** For a filter: a prefecture alone stands for it with its counties. */
  allowPrefecture?: boolean;
  id?: string;
  'aria-label'?: string;
}

/**
 * Picks a region from Hubei's prefectures and their counties (the API's region reference),
 * never free text. The value is one name: a county (钟祥市) or a prefecture (荆门市).
 */
export function RegionCascader({ value, onChange, placeholder = '选择所在地', allowPrefecture = true, id, ...rest }: RegionCascaderProps) {
  const { data } = useReference();
  const prefectures = data?.regions.prefectures ?? [];
  const options = prefectures.map((p) => ({
    value: p.name,
    label: p.name,
    children: p.counties.length ? p.counties.map((c) => ({ value: c, label: c })) : undefined,
  }));
  const path = (() => {
    if (!value) return undefined;
    const asPrefecture = prefectures.find((p) => p.name === value);
    if (asPrefecture) return [value];
    const parent = prefectures.find((p) => p.counties.includes(value));
    return parent ? [parent.name, value] : [value];
  })();
  return (
    <Cascader
      id={id}
      aria-label={rest['aria-label'] ?? '所在地'}
      options={options}
      value={path}
      changeOnSelect={allowPrefecture}
      showSearch
      placeholder={placeholder}
      onChange={(v) => onChange?.(v && v.length ? String(v[v.length - 1]) : undefined)}
      style={{ width: '100%' }}
    />
  );
}
