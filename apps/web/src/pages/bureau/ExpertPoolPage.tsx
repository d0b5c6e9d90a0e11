import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { errorMessage } from '../../components/api-errors';
import { ORG_KIND } from '../../components/labels';
import { useReference } from '../../components/reference';
import { Muted, ReadableTheme, UNDERLINE } from '../challenges/ChallengeShared';
import { ExpertAddModal, ExpertFieldsModal, useSetExpert } from './ExpertPoolModals';

type Expert = components['schemas']['ExpertViewDto'];

/** The bureau's expert pool: filter by field or name/organization, add members of organizations, change fields, remove. */
export default function ExpertPoolPage() {
  const [params, setParams] = useSearchParams();
  const field = params.get('field') ?? undefined;
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Expert | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const { message } = App.useApp();
  const ref = useReference();
  const setExpert = useSetExpert();

  const update = (next: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '') p.delete(k);
      else p.set(k, String(v));
    }
    setParams(p, { replace: true });
  };

  const experts = useQuery({
    queryKey: ['experts', field, q, page, pageSize],
    placeholderData: keepPreviousData,
    queryFn: async () => unwrap(await api.GET('/api/experts', { params: { query: { field, q: q || undefined, page, pageSize } } })),
  });

  const remove = async (e: Expert) => {
    setRemoving(e.userId);
    try {
      await setExpert.mutateAsync({ userId: e.userId, isExpert: false, fields: [] });
      message.success(`已将 ${e.name} 移出专家库`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setRemoving(null);
    }
  };

  const filtered = !!field || !!q;

  return (
    <ReadableTheme>
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="start" wrap gap={8}>
          <div>
            <Typography.Title level={1} style={{ fontSize: 24 }}>
              专家库
            </Typography.Title>
            <Muted>
              评审专家来自各单位的成员。为榜单指派专家时，与申报单位同单位的专家自动回避。指派在
              <Link to="/bureau/challenges" style={UNDERLINE}>
                榜单管理
              </Link>
              中进行。
            </Muted>
          </div>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="ep-add">
            列入专家
          </Button>
        </Flex>
        <Card size="small">
          <Form layout="inline" style={{ rowGap: 8 }}>
            <Form.Item label="专业领域" htmlFor="ep-field">
              <Select
                id="ep-field"
                allowClear
                showSearch
                style={{ width: 200 }}
                placeholder="全部领域"
                value={field}
                options={(ref.data?.fields ?? []).map((f) => ({ value: f, label: f }))}
                onChange={(v?: string) => update({ field: v, page: undefined })}
                data-testid="ep-field"
              />
            </Form.Item>
            <Form.Item label="姓名或单位" htmlFor="ep-q">
              <Input.Search
                id="ep-q"
                key={q}
                allowClear
                defaultValue={q}
                placeholder="输入姓名或单位名称"
                style={{ width: 260 }}
                enterButton="搜索"
                maxLength={50}
                onSearch={(v) => update({ q: v.trim() || undefined, page: undefined })}
                data-testid="ep-q"
              />
            </Form.Item>
          </Form>
        </Card>
        {experts.isError && <Alert type="error" showIcon message="专家库加载失败" description={errorMessage(experts.error)} />}
        <Table<Expert>
          rowKey="userId"
          loading={experts.isFetching}
          dataSource={experts.data?.items ?? []}
          onRow={() => ({ 'data-testid': 'ep-row' }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: page,
            pageSize,
            total: experts.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 位专家`,
            onChange: (p, s) => update({ page: p === 1 ? undefined : p, pageSize: s === 20 ? undefined : s }),
          }}
          locale={{
            emptyText: (
              <Empty
                description={
                  filtered ? '没有符合条件的专家，请调整筛选条件。' : '专家库还是空的：点击“列入专家”，从单位成员中选择评审专家。'
                }
              />
            ),
          }}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '邮箱', dataIndex: 'email' },
            {
              title: '所在单位',
              key: 'org',
              render: (_v, e) => (
                <Link to={`/organizations/${e.organizationId}`} style={UNDERLINE}>
                  {e.organizationName}（{ORG_KIND[e.organizationKind] ?? e.organizationKind}）
                </Link>
              ),
            },
            {
              title: '专业领域',
              key: 'fields',
              render: (_v, e) => (e.fields.length ? e.fields.map((f) => <Tag key={f}>{f}</Tag>) : '未填写'),
            },
            {
              title: '操作',
              key: 'actions',
              render: (_v, e) => (
                <Flex gap={4}>
                  <Button type="link" onClick={() => setEditing(e)} aria-label={`修改 ${e.name} 的专业领域`}>
                    修改领域
                  </Button>
                  <Popconfirm
                    title={`将 ${e.name} 移出专家库？`}
                    description="移出后不能再被指派，也不能继续评审已指派给其的申请。"
                    okText="移出"
                    cancelText="取消"
                    onConfirm={() => remove(e)}
                  >
                    <Button type="link" danger loading={removing === e.userId} aria-label={`将 ${e.name} 移出专家库`}>
                      移出
                    </Button>
                  </Popconfirm>
                </Flex>
              ),
            },
          ]}
        />
        <ExpertAddModal open={adding} onClose={() => setAdding(false)} />
        <ExpertFieldsModal expert={editing} onClose={() => setEditing(null)} />
      </Flex>
    </ReadableTheme>
  );
}
