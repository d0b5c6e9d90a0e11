import { Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { IoList } from './IoApi';
import IoExportCard from './IoExportCard';
import IoImportCard from './IoImportCard';
import IoTemplateCard from './IoTemplateCard';

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
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <IoTemplateCard list={list} />
        <IoImportCard list={list} scope="bureau" />
        <IoExportCard key={`export-${list}`} list={list} scope="bureau" />
      </Space>
    </div>
  );
}
