import { CloseOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Pagination, Row, Segmented, Select, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { searchQueryOptions } from './search-query';
import { errorMessage } from '../../components/api-errors';
import { ORG_KIND } from '../../components/labels';
import PublicTheme from '../catalog/PublicTheme';
import SearchBox from './SearchBox';
import SearchFilters from './SearchFilters';
import SearchHit from './SearchHit';
import {
  activeFilterCount,
  PAGE_SIZES,
  readSearch,
  SORT_OPTIONS,
  toApiQuery,
  writeSearch,
  type SearchSort,
  type SearchState,
  type SearchType,
} from './searchState';

const TYPE_TEXT: Record<SearchType, string> = { result: '科技成果', need: '技术需求' };

/** The keyword box: typed freely, searched on Enter or the button. */
function KeywordBox({
  type,
  value,
  loading,
  onSearch,
}: {
  type: SearchType;
  value: string;
  loading: boolean;
  onSearch: (q: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }
  return (
    <SearchBox
      testId="search-input"
      label="关键词"
      placeholder={type === 'need' ? '输入技术难题、产品或关键词，如“电池回收”' : '输入技术、成果名称或关键词，如“磷石膏”'}
      loading={loading}
      value={draft}
      onChange={setDraft}
      onSearch={onSearch}
      searchOnClear
    />
  );
}

/** The filters in force, each removable on its own. */
function ActiveFilters({ state, onChange }: { state: SearchState; onChange: (patch: Partial<SearchState>) => void }) {
  const money = state.type === 'need' ? '预算上限' : '价格';
  const chips: { key: string; text: string; clear: Partial<SearchState> }[] = [];
  if (state.field) chips.push({ key: 'field', text: `领域：${state.field}`, clear: { field: undefined } });
  if (state.region) chips.push({ key: 'region', text: `所在地：${state.region}`, clear: { region: undefined } });
  if (state.trlMin !== undefined || state.trlMax !== undefined)
    chips.push({ key: 'trl', text: `TRL ${state.trlMin ?? 1}–${state.trlMax ?? 9}`, clear: { trlMin: undefined, trlMax: undefined } });
  if (state.priceMin !== undefined || state.priceMax !== undefined)
    chips.push({
      key: 'price',
      text: `${money}：${state.priceMin ?? 0}–${state.priceMax ?? '不限'} 万元`,
      clear: { priceMin: undefined, priceMax: undefined },
    });
  if (state.modes.length) chips.push({ key: 'modes', text: `合作方式：${state.modes.join('、')}`, clear: { modes: [] } });
  if (state.orgKind) chips.push({ key: 'orgKind', text: `单位类型：${ORG_KIND[state.orgKind]}`, clear: { orgKind: undefined } });
  if (!chips.length) return null;
  return (
    <Flex wrap gap={6} align="center" style={{ marginBottom: 12 }} aria-label="已选筛选条件，点击可移除" role="group">
      {chips.map((c) => (
        <Button
          key={c.key}
          size="small"
          icon={<CloseOutlined aria-hidden />}
          iconPlacement="end"
          onClick={() => onChange(c.clear)}
          title="移除此筛选条件"
        >
          {c.text}
        </Button>
      ))}
    </Flex>
  );
}

export default function SearchPage() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readSearch(params), [params]);
  const go = (next: SearchState) => setParams(writeSearch(next));
  const change = (patch: Partial<SearchState>) => go({ ...state, ...patch, page: 1 });
  const clear = () =>
    go({
      ...state,
      field: undefined,
      region: undefined,
      trlMin: undefined,
      trlMax: undefined,
      priceMin: undefined,
      priceMax: undefined,
      modes: [],
      orgKind: undefined,
      page: 1,
    });

  const query = toApiQuery(state);
  const {
    data: last,
    error,
    isPending,
    isFetching,
    isPlaceholderData,
  } = useQuery({
    ...searchQueryOptions(query),
    placeholderData: keepPreviousData,
  });
  // A refused search (e.g. a price range upside down) shows the API's reason, not the previous hits.
  const data = error ? undefined : last;
  // Facet counts come with a search's first page; later pages of the same search keep them.
  const facetsBySearch = useRef(new Map<string, Record<string, Record<string, number>>>());
  const searchKey = JSON.stringify({ ...query, page: undefined, pageSize: undefined, sort: undefined, facets: undefined });
  if (data?.facets && !isPlaceholderData && Object.keys(data.facets).length > 0) facetsBySearch.current.set(searchKey, data.facets);
  const facets = facetsBySearch.current.get(searchKey) ?? {};

  useEffect(() => {
    document.title = `${state.q ? `${state.q} - ` : ''}搜索${TYPE_TEXT[state.type]} - 科技成果转化供需对接平台`;
  }, [state.q, state.type]);

  const switchType = (type: SearchType) => {
    if (type !== state.type) go({ ...state, type, priceMin: undefined, priceMax: undefined, orgKind: undefined, page: 1 });
  };
  const filtered = activeFilterCount(state) > 0;
  const what = TYPE_TEXT[state.type];

  return (
    <PublicTheme>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        搜索{what}
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Segmented<SearchType>
            aria-label="搜索类别"
            size="large"
            value={state.type}
            onChange={switchType}
            options={[
              { value: 'result', label: '找成果' },
              { value: 'need', label: '找需求' },
            ]}
          />
          <div style={{ flex: 1, minWidth: 260 }}>
            <KeywordBox type={state.type} value={state.q} loading={isFetching} onSearch={(q) => go({ ...state, q, page: 1 })} />
          </div>
        </Flex>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} md={8} lg={7}>
          <Card>
            <aside aria-label="筛选条件">
              <SearchFilters state={state} facets={facets} onChange={change} onClear={clear} />
            </aside>
          </Card>
        </Col>
        <Col xs={24} md={16} lg={17}>
          <section aria-label="搜索结果" aria-busy={isFetching}>
            <Flex justify="space-between" align="center" wrap style={{ marginBottom: 8 }}>
              <Typography.Text role="status">
                {data ? (
                  <>
                    共找到 <strong>{data.total}</strong> 项{what}
                    {state.q && <>，关键词“{state.q}”</>}
                  </>
                ) : error ? (
                  '搜索未完成'
                ) : (
                  '正在搜索…'
                )}
              </Typography.Text>
              <Select<SearchSort>
                aria-label="排序方式"
                data-testid="search-sort"
                value={state.sort}
                onChange={(sort) => change({ sort })}
                options={SORT_OPTIONS}
                style={{ width: 180 }}
              />
            </Flex>
            <ActiveFilters state={state} onChange={change} />
            {error && <Alert type="error" showIcon title={`搜索失败：${errorMessage(error)}`} style={{ marginBottom: 12 }} />}
            {isPending && !data && <Skeleton active paragraph={{ rows: 6 }} />}
            {data && data.items.length === 0 && (
              <Card>
                <Empty
                  description={
                    filtered || state.q ? `没有找到符合条件的${what}。可以换个关键词，或减少筛选条件再试。` : `暂时还没有已发布的${what}。`
                  }
                >
                  <Flex gap={8} justify="center" wrap>
                    {filtered && <Button onClick={clear}>清除筛选</Button>}
                    <Button onClick={() => switchType(state.type === 'need' ? 'result' : 'need')}>
                      改为搜索{TYPE_TEXT[state.type === 'need' ? 'result' : 'need']}
                    </Button>
                    <Link to={state.type === 'need' ? '/my/needs/new' : '/my/results/new'}>发布{what}</Link>
                  </Flex>
                </Empty>
              </Card>
            )}
            {data && data.items.length > 0 && (
              <>
                <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {data.items.map((hit) => (
                    <li key={hit.id}>
                      <SearchHit hit={hit} />
                    </li>
                  ))}
                </ol>
                <Pagination
                  align="center"
                  current={data.page}
                  pageSize={data.pageSize}
                  total={data.total}
                  showSizeChanger
                  pageSizeOptions={PAGE_SIZES}
                  showTotal={(total) => `共 ${total} 项`}
                  onChange={(page, pageSize) => {
                    go({ ...state, page: pageSize !== state.pageSize ? 1 : page, pageSize });
                    window.scrollTo({ top: 0 });
                  }}
                />
              </>
            )}
          </section>
        </Col>
      </Row>
    </PublicTheme>
  );
}
