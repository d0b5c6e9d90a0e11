import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Result, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { applyApiErrors } from '../../components/api-errors';
import { ReadableTheme, useChallenge } from '../challenges/ChallengeShared';
import { fromBeijingPicker, toBeijingPicker } from './BureauChallengeShared';
import { CriteriaList, type CriterionRow, ObjectivesList } from './ChallengeEditLists';
import ChallengeEditFields from './ChallengeEditFields';

type Create = components['schemas']['CreateChallengeDto'];
type ChallengeView = components['schemas']['ChallengeDetailDto'];

export interface EditValues {
  sourceNeedId?: string;
  title: string;
  background: string;
  field: Create['field'];
  objectives: { indicator: string; target: string; unit: string }[];
  budgetCapWan: number;
  matchingFundsWan?: number;
  opensAt: Dayjs;
  closesAt: Dayjs;
  durationMonths: number;
  eligibleKinds: Create['eligibleKinds'];
  eligibleRegions?: string[];
  verifiedOnly: boolean;
  deliverables: string;
  criteria: CriterionRow[];
  publicityDays: number;
}

/** The form names money in 万元; the API answers about yuan. */
const FIELD_MAP = { budgetCapYuan: 'budgetCapWan', matchingFundsYuan: 'matchingFundsWan' };
const toYuan = (wan: number | undefined) => Math.round((wan ?? 0) * 10_000);

function toBody(v: EditValues): Create {
  return {
    ...(v.sourceNeedId ? { sourceNeedId: v.sourceNeedId } : {}),
    title: v.title.trim(),
    background: v.background.trim(),
    field: v.field,
    objectives: v.objectives.map((o) => ({ indicator: o.indicator.trim(), target: o.target.trim(), unit: o.unit.trim() })),
    budgetCapYuan: toYuan(v.budgetCapWan),
    matchingFundsYuan: toYuan(v.matchingFundsWan),
    opensAt: fromBeijingPicker(v.opensAt),
    closesAt: fromBeijingPicker(v.closesAt),
    durationMonths: v.durationMonths,
    eligibleKinds: v.eligibleKinds,
    eligibleRegions: v.eligibleRegions ?? [],
    verifiedOnly: v.verifiedOnly,
    deliverables: v.deliverables.trim(),
    criteria: v.criteria.map((c) => ({ key: c.key ?? '', name: (c.name ?? '').trim(), weight: Number(c.weight) })),
    publicityDays: v.publicityDays,
  };
}

function toValues(c: ChallengeView): EditValues {
  return {
    sourceNeedId: c.sourceNeedId ?? undefined,
    title: c.title,
    background: c.background,
    field: c.field as Create['field'],
    objectives: c.objectives,
    budgetCapWan: c.budgetCapYuan / 10_000,
    matchingFundsWan: c.matchingFundsYuan / 10_000,
    opensAt: toBeijingPicker(c.opensAt)!,
    closesAt: toBeijingPicker(c.closesAt)!,
    durationMonths: c.durationMonths,
    eligibleKinds: c.eligibleKinds as Create['eligibleKinds'],
    eligibleRegions: c.eligibleRegions,
    verifiedOnly: c.verifiedOnly,
    deliverables: c.deliverables,
    criteria: c.criteria,
    publicityDays: c.publicityDays,
  };
}

const INITIAL: Partial<EditValues> = {
  objectives: [{ indicator: '', target: '', unit: '' }],
  criteria: [{ key: 'c1' }],
  eligibleKinds: ['enterprise', 'university', 'institute'],
  verifiedOnly: true,
  publicityDays: 7,
  matchingFundsWan: 0,
};

/** 新建或修改草稿榜单, optionally generated from a published enterprise need; save or publish. */
export default function ChallengeEditPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const existing = useChallenge(id);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${id ? '修改榜单' : '新建榜单'} - 科技局`;
  }, [id]);
  useEffect(() => {
    if (existing.data) form.setFieldsValue(toValues(existing.data));
  }, [existing.data, form]);

  const persist = async (): Promise<string | null> => {
    let values: EditValues;
    try {
      values = await form.validateFields();
    } catch {
      setError('请先修正标红的内容');
      return null;
    }
    const body = toBody(values);
    const saved = id
      ? unwrap(await api.PATCH('/api/challenges/{id}', { params: { path: { id } }, body }))
      : unwrap(await api.POST('/api/challenges', { body }));
    await qc.invalidateQueries({ queryKey: ['challenges'] });
    await qc.invalidateQueries({ queryKey: ['challenge', saved.id] });
    return saved.id;
  };

  const run = async (kind: 'save' | 'publish') => {
    setBusy(kind);
    setError(null);
    let savedId: string | null = null;
    try {
      savedId = await persist();
      if (!savedId) return;
      if (kind === 'save') {
        message.success('草稿已保存');
        if (!id) navigate(`/bureau/challenges/${savedId}/edit`, { replace: true });
        return;
      }
      unwrap(await api.POST('/api/challenges/{id}/publish', { params: { path: { id: savedId } } }));
      await qc.invalidateQueries({ queryKey: ['challenge', savedId] });
      message.success('榜单已发布');
      navigate(`/bureau/challenges/${savedId}`);
    } catch (err) {
      setError(applyApiErrors(form, err, FIELD_MAP));
      // A new draft saved before publishing was refused: keep editing that draft, not a new one.
      if (savedId && !id) navigate(`/bureau/challenges/${savedId}/edit`, { replace: true });
    } finally {
      setBusy(null);
    }
  };

  if (id && existing.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (id && existing.error) {
    return (
      <Result
        status="warning"
        title="榜单无法加载"
        subTitle={String(existing.error.message)}
        extra={<Link to="/bureau/challenges">返回榜单管理</Link>}
      />
    );
  }
  if (id && existing.data && existing.data.status !== 'draft') {
    return (
      <Result
        status="info"
        title="只有草稿状态的榜单可以修改"
        subTitle={`该榜单当前为“${existing.data.statusLabel}”。`}
        extra={<Link to={`/bureau/challenges/${id}`}>返回榜单管理</Link>}
      />
    );
  }

  return (
    <ReadableTheme>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {id ? '修改草稿榜单' : '新建榜单'}
      </Typography.Title>
      <Typography.Paragraph>
        金额以万元填写；时间均为北京时间。保存草稿后可继续修改，发布后榜单即公开并通知最可能揭榜的单位，不能再修改。
      </Typography.Paragraph>
      <Form<EditValues> form={form} layout="vertical" initialValues={INITIAL} scrollToFirstError>
        <ChallengeEditFields form={form} editing={!!id} />
        <ObjectivesList />
        <CriteriaList />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Card size="small">
          <Flex gap={12} wrap>
            <Button data-testid="ce-save" loading={busy === 'save'} disabled={!!busy} onClick={() => void run('save')}>
              保存草稿
            </Button>
            <Button
              type="primary"
              data-testid="ce-publish"
              loading={busy === 'publish'}
              disabled={!!busy}
              onClick={() => void run('publish')}
            >
              保存并发布
            </Button>
            <Link to={id ? `/bureau/challenges/${id}` : '/bureau/challenges'} style={{ alignSelf: 'center' }}>
              返回
            </Link>
          </Flex>
        </Card>
      </Form>
    </ReadableTheme>
  );
}
