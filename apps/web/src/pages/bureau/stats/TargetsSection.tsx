import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Popconfirm, Progress, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { applyApiErrors, errorMessage } from '../../../components/api-errors';
import { useReference } from '../../../components/reference';
import { ToneTag } from '../../catalog/ItemTags';
import { CountTable, SectionCard } from '../DashboardSections';
import { CITY } from './DashboardFilters';
import { type Target, useTargets } from './stats-api';

type CreateTarget = components['schemas']['CreateTargetDto'];

const METRICS: { value: CreateTarget['metric']; label: string }[] = [
  { value: 'contract_tech_amount', label: '技术合同成交额（元，年度）' },
  { value: 'contract_count', label: '技术合同认定登记数（年度）' },
  { value: 'challenges_supported', label: '揭榜挂帅重点支持项目数（年度）' },
  { value: 'results_published', label: '新发布科技成果数（年度）' },
  { value: 'verified_enterprises', label: '已认证企业数（累计）' },
  { value: 'reported_annual', label: '科技局填报：年度值' },
  { value: 'reported_stock', label: '科技局填报：累计值（如高新技术企业数）' },
];

/** A target's value in its unit: money in 亿元 or 万元, counts as they are. */
export function valueText(v: number | null, unit: string): string {
  if (v === null) return '—';
  if (unit === '元')
    return v >= 1e8
      ? `${(v / 1e8).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 亿元`
      : `${(v / 1e4).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`;
  return `${v.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} ${unit}`;
}

function NewTargetModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CreateTarget>();
  const qc = useQueryClient();
  const { data: ref } = useReference();
  const [problem, setProblem] = useState<string | null>(null);
  const metric = Form.useWatch('metric', form);
  const counties = ref?.regions.prefectures.find((p) => p.name === CITY)?.counties ?? [];
  const save = useMutation({
    mutationFn: async (v: CreateTarget) => unwrap(await api.POST('/api/stats/targets', { body: v })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['stats', 'targets'] });
      form.resetFields();
      onClose();
    },
    onError: (err) => setProblem(applyApiErrors(form, err)),
  });
  return (
    <Modal
      title="新增规划目标"
      open={open}
      onCancel={onClose}
      okText="保存"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ place: CITY, dueYear: 2027 }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="name" label="目标名称" rules={[{ required: true, message: '请填写目标名称' }]}>
          <Input maxLength={100} placeholder="如：技术合同成交额" />
        </Form.Item>
        <Form.Item name="metric" label="指标" rules={[{ required: true, message: '请选择指标' }]}>
          <Select options={METRICS} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="place" label="地区" style={{ flex: 1 }}>
            <Select options={[CITY, ...counties].map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="dueYear" label="目标年度" style={{ flex: 1 }} rules={[{ required: true, message: '请填写目标年度' }]}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item
            name="targetValue"
            label="目标值（金额以元计）"
            style={{ flex: 2 }}
            rules={[{ required: true, message: '请填写目标值' }]}
          >
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          {(metric === 'reported_annual' || metric === 'reported_stock') && (
            <Form.Item name="unit" label="单位" style={{ flex: 1 }} rules={[{ required: true, message: '请填写单位' }]}>
              <Input maxLength={10} placeholder="家" />
            </Form.Item>
          )}
        </Flex>
        <Form.Item name="sourceDocument" label="出自规划文件" rules={[{ required: true, message: '请填写出处' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea maxLength={500} autoSize />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReportModal({ target, onClose }: { target: Target | null; onClose: () => void }) {
  const [form] = Form.useForm<{ year: number; value: number }>();
  const qc = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async (v: { year: number; value: number }) =>
      unwrap(await api.POST('/api/stats/targets/{id}/values', { params: { path: { id: target!.id } }, body: v })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['stats', 'targets'] });
      onClose();
    },
    onError: (err) => setProblem(applyApiErrors(form, err)),
  });
  return (
    <Modal
      title={`填报：${target?.name ?? ''}`}
      open={!!target}
      onCancel={onClose}
      okText="保存"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() - 1 }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="value" label={`值（${target?.unit ?? ''}）`} rules={[{ required: true, message: '请填写值' }]}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The plan's targets with their progress: value so far, share, run rate, the year reached at that rate. */
export default function TargetsSection() {
  const targets = useTargets();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [reporting, setReporting] = useState<Target | null>(null);
  const remove = async (t: Target) => {
    try {
      unwrap(await api.DELETE('/api/stats/targets/{id}', { params: { path: { id: t.id } } }));
      void qc.invalidateQueries({ queryKey: ['stats', 'targets'] });
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <SectionCard title="规划目标进度" testId="stats-targets">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <span style={{ color: 'rgba(0,0,0,0.65)', fontSize: 13 }}>
          各目标按自身的地区和年度计算，不受上方筛选影响；速度为每年：年度指标为按今年进度折算的全年值，累计指标为每年增量。
        </span>
        <Button onClick={() => setAdding(true)}>新增目标</Button>
      </Flex>
      {targets.isError && <Alert type="error" showIcon title={errorMessage(targets.error)} />}
      {targets.isLoading ? (
        <Skeleton active />
      ) : (
        <CountTable<Target>
          caption="目标"
          rows={targets.data ?? []}
          rowKey="id"
          columns={[
            { title: '目标', key: 'name', render: (_v, t) => <span title={t.metricDescription}>{t.name}</span> },
            { title: '地区', dataIndex: 'place' },
            { title: '目标年度', dataIndex: 'dueYear' },
            { title: '目标值', key: 'target', align: 'right', render: (_v, t) => valueText(t.targetValue, t.unit) },
            {
              title: '目前的值',
              key: 'value',
              align: 'right',
              render: (_v, t) => (
                <span data-testid={`target-value-${t.name}`}>
                  {valueText(t.progress.valueSoFar, t.unit)}
                  <br />
                  <span style={{ color: 'rgba(0,0,0,0.65)', fontSize: 12 }}>{t.progress.asOf}</span>
                </span>
              ),
            },
            {
              title: '完成比例',
              key: 'share',
              width: 150,
              render: (_v, t) => (
                <Progress percent={Math.round(t.progress.shareReached * 1000) / 10} size="small" aria-label={`${t.name}完成比例`} />
              ),
            },
            { title: '速度（每年）', key: 'rate', align: 'right', render: (_v, t) => valueText(t.progress.runRate, t.unit) },
            {
              title: '按此速度达到',
              key: 'reached',
              render: (_v, t) => (
                <Flex gap={4} align="center">
                  {t.progress.yearReached ? `${t.progress.yearReached} 年` : '达不到'}
                  <ToneTag tone={t.progress.onTrack ? 'green' : 'amber'}>{t.progress.onTrack ? '可按期' : '滞后'}</ToneTag>
                </Flex>
              ),
            },
            { title: '出自', dataIndex: 'sourceDocument' },
            {
              title: '操作',
              key: 'ops',
              render: (_v, t) => (
                <Flex gap={8}>
                  {t.metric.startsWith('reported') && (
                    <Button size="small" onClick={() => setReporting(t)}>
                      填报
                    </Button>
                  )}
                  <Popconfirm title="删除该目标？" okText="删除" cancelText="取消" onConfirm={() => remove(t)}>
                    <Button size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Flex>
              ),
            },
          ]}
        />
      )}
      <NewTargetModal open={adding} onClose={() => setAdding(false)} />
      <ReportModal target={reporting} onClose={() => setReporting(null)} />
    </SectionCard>
  );
}
