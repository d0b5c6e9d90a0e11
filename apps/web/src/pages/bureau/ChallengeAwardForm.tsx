import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { applyApiErrors } from '../../components/api-errors';
import { wan } from '../../components/labels';
import type { Challenge } from '../challenges/ChallengeShared';
import { OrgName, useRefreshChallenge } from './BureauChallengeShared';
import type { RankingRow } from './ChallengeRankingTab';

interface MilestoneRow {
  title?: string;
  deliverable?: string;
  dueDate?: Dayjs;
  sharePct?: number;
}
interface WinnerValues {
  budgetWan?: number;
  milestones?: MilestoneRow[];
}
type Values = { w?: Record<string, WinnerValues> };

const yuan = (w: number | undefined) => Math.round((w ?? 0) * 10_000);
const shareSum = (ms: MilestoneRow[] | undefined) => Math.round((ms ?? []).reduce((a, m) => a + (Number(m?.sharePct) || 0), 0) * 100) / 100;

function WinnerCard({ row }: { row: RankingRow }) {
  const milestones = Form.useWatch<MilestoneRow[] | undefined>(['w', row.proposalId, 'milestones']);
  const sum = shareSum(milestones);
  return (
    <Card
      size="small"
      title={
        <>
          第 {row.rank} 名 · <OrgName id={row.organizationId} />
        </>
      }
      data-testid="cm-award-winner"
    >
      <Form.Item
        name={['w', row.proposalId, 'budgetWan']}
        label={`核定经费（万元，不超过其申请经费 ${wan(row.requestedBudgetYuan)}）`}
        rules={[
          { required: true, message: '请填写核定经费' },
          {
            validator: async (_, v?: number) => {
              if (v !== undefined && v !== null && yuan(v) > row.requestedBudgetYuan) throw new Error('超过该单位的申请经费');
            },
          },
        ]}
      >
        <InputNumber min={0.01} precision={2} style={{ width: 240 }} data-testid="cm-award-budget" />
      </Form.Item>
      <Form.List
        name={['w', row.proposalId, 'milestones']}
        initialValue={[{ sharePct: 100 }]}
        rules={[
          {
            validator: async (_, ms?: MilestoneRow[]) => {
              if (!ms || ms.length === 0) throw new Error('至少一个里程碑');
              if (shareSum(ms) !== 100) throw new Error(`里程碑拨付比例之和应为 100%，当前为 ${shareSum(ms)}%`);
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            <Typography.Text strong>
              里程碑（拨付比例合计 <span style={{ color: sum === 100 ? '#22650a' : '#a8071a' }}>{sum}%</span> / 100%）
            </Typography.Text>
            {fields.map(({ key, name }, i) => (
              <Flex key={key} gap={8} wrap align="start" style={{ marginTop: 8 }}>
                <Form.Item
                  name={[name, 'title']}
                  label={`里程碑 ${i + 1}`}
                  rules={[
                    { required: true, whitespace: true, message: '请填写名称' },
                    { max: 100, message: '不超过 100 字' },
                  ]}
                  style={{ flex: '2 1 180px' }}
                >
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[name, 'deliverable']}
                  label="交付物"
                  rules={[
                    { required: true, whitespace: true, message: '请填写交付物' },
                    { max: 1000, message: '不超过 1000 字' },
                  ]}
                  style={{ flex: '3 1 220px' }}
                >
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[name, 'dueDate']}
                  label="到期日"
                  rules={[{ required: true, message: '请选择到期日' }]}
                  style={{ flex: '0 0 150px' }}
                >
                  <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item
                  name={[name, 'sharePct']}
                  label="拨付比例（%）"
                  rules={[{ required: true, message: '请填写比例' }]}
                  style={{ flex: '0 0 120px' }}
                >
                  <InputNumber min={0.01} max={100} precision={2} style={{ width: '100%' }} />
                </Form.Item>
                <Button
                  aria-label={`删除里程碑 ${i + 1}`}
                  icon={<DeleteOutlined />}
                  disabled={fields.length <= 1}
                  onClick={() => remove(name)}
                  style={{ marginTop: 30 }}
                />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button icon={<PlusOutlined />} size="small" onClick={() => add({})} disabled={fields.length >= 20}>
              添加里程碑
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}

/** Awards the ticked proposals (赛马制: several may win) with budgets within the cap, and their milestones. */
export default function ChallengeAwardForm({ challenge: c, rows }: { challenge: Challenge; rows: RankingRow[] }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const refresh = useRefreshChallenge(c.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const all = Form.useWatch('w', form) as Values['w'];
  const total = rows.reduce((a, r) => a + yuan(all?.[r.proposalId]?.budgetWan), 0);
  const over = total > c.budgetCapYuan;

  const submit = async () => {
    setError(null);
    if (rows.length === 0) {
      setError('请先在排名中勾选中榜单位');
      return;
    }
    if (over) {
      setError(`中榜经费合计 ${wan(total)}，超过财政资金上限 ${wan(c.budgetCapYuan)}`);
      return;
    }
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      setError('请先修正标红的内容');
      return;
    }
    setBusy(true);
    try {
      const winners = rows.map((r) => {
        const w = values.w?.[r.proposalId] ?? {};
        return {
          proposalId: r.proposalId,
          budgetYuan: yuan(w.budgetWan),
          milestones: (w.milestones ?? []).map((m) => ({
            title: (m.title ?? '').trim(),
            deliverable: (m.deliverable ?? '').trim(),
            dueDate: m.dueDate!.format('YYYY-MM-DD'),
            sharePct: Number(m.sharePct),
          })),
        };
      });
      unwrap(await api.POST('/api/challenges/{id}/award', { params: { path: { id: c.id } }, body: { winners } }));
      message.success('已评定中榜单位，进入公示期');
      await refresh();
    } catch (err) {
      setError(applyApiErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="评定中榜单位">
      <Typography.Paragraph>
        在上方排名中勾选中榜单位（可多家并行），为每家核定经费（不超过其申请经费）并安排里程碑及拨付比例。评定后进入 {c.publicityDays}{' '}
        天公示期。
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" preserve>
        <Flex vertical gap={12}>
          {rows.map((r) => (
            <WinnerCard key={r.proposalId} row={r} />
          ))}
        </Flex>
      </Form>
      <Typography.Paragraph
        strong
        style={{ marginTop: 12, color: over ? '#a8071a' : undefined }}
        data-testid="cm-award-total"
        aria-live="polite"
      >
        中榜经费合计 {wan(total)} / 财政资金上限 {wan(c.budgetCapYuan)}
        {over ? '（已超过上限）' : `（剩余 ${wan(c.budgetCapYuan - total)}）`}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} data-testid="cm-award-error" />}
      <Button type="primary" data-testid="cm-award-submit" loading={busy} disabled={rows.length === 0} onClick={() => void submit()}>
        确认评定（{rows.length} 家）
      </Button>
    </Card>
  );
}
