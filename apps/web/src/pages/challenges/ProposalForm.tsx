import { Card, Col, Form, type FormInstance, Input, InputNumber, Row, Typography } from 'antd';
import { ApiRequestError } from '../../api/client';
import type { components } from '../../api/schema';
import { applyApiErrors } from '../../components/api-errors';
import type { Challenge, Proposal } from './ChallengeShared';
import { ProposalScheduleList, ProposalTeamList } from './ProposalFormLists';
import ProposalPartnerSelect from './ProposalPartnerSelect';

type Body = components['schemas']['CreateProposalDto'];

/** The form's values: the DTO's fields, the budget in 万元, one commitment row per objective. */
export interface ProposalValues {
  partnerOrganizationIds: string[];
  leaderName: string;
  leaderTitle?: string;
  team: { name: string; title?: string; role?: string }[];
  approach: string;
  commitments: { value?: string; note?: string }[];
  requestedBudgetWan?: number | null;
  schedule: { phase: string; months?: number | null; deliverable: string }[];
}

const trimmed = (s: string | undefined) => s?.trim() || undefined;

export function toValues(c: Challenge, p: Proposal | null): ProposalValues {
  return {
    partnerOrganizationIds: p?.partnerOrganizationIds ?? [],
    leaderName: p?.leaderName ?? '',
    leaderTitle: p?.leaderTitle ?? '',
    team: p?.team.map((t) => ({ name: t.name, title: t.title ?? '', role: t.role ?? '' })) ?? [],
    approach: p?.approach ?? '',
    commitments: c.objectives.map((_o, i) => {
      const k = p?.commitments.find((x) => x.objectiveIndex === i);
      return { value: k?.value ?? '', note: k?.note ?? '' };
    }),
    requestedBudgetWan: p ? p.requestedBudgetYuan / 10_000 : null,
    schedule: p?.schedule.map((s) => ({ ...s })) ?? [],
  };
}

export function toBody(v: ProposalValues): Body {
  return {
    partnerOrganizationIds: v.partnerOrganizationIds ?? [],
    leaderName: v.leaderName,
    // An empty string clears a title saved before (an absent field would keep it).
    leaderTitle: v.leaderTitle?.trim() ?? '',
    team: (v.team ?? []).map((t) => ({ name: t.name, title: trimmed(t.title), role: trimmed(t.role) })),
    approach: v.approach,
    commitments: (v.commitments ?? []).map((k, i) => ({ objectiveIndex: i, value: k.value ?? '', note: trimmed(k.note) })),
    requestedBudgetYuan: Math.round((v.requestedBudgetWan ?? 0) * 10_000),
    schedule: (v.schedule ?? []).map((s) => ({ phase: s.phase, months: s.months ?? 0, deliverable: s.deliverable })),
  };
}

/** The API's messages by field, down to a row of a list ("team.0.name"); returns what names no field. */
export function applyProposalErrors(form: FormInstance, err: unknown): string | null {
  const map = { requestedBudgetYuan: 'requestedBudgetWan' };
  if (!(err instanceof ApiRequestError)) return applyApiErrors(form, err, map);
  const rows: { name: (string | number)[]; errors: string[] }[] = [];
  const rest = (err.body.details ?? []).filter((d) => {
    const m = /^(team|commitments|schedule)\.(\d+)\.(\w+)$/.exec(d.field ?? '');
    if (m) rows.push({ name: [m[1], Number(m[2]), m[3]], errors: [d.message] });
    return !m;
  });
  if (rows.length === 0) return applyApiErrors(form, err, map);
  form.setFields(rows);
  return rest.length ? applyApiErrors(form, new ApiRequestError({ ...err.body, details: rest }), map) : null;
}

/** The fields of a proposal (揭榜申请书), laid out in the order of the application form. */
export default function ProposalForm({
  form,
  challenge: c,
  leadId,
  disabled,
}: {
  form: FormInstance<ProposalValues>;
  challenge: Challenge;
  leadId: string;
  disabled: boolean;
}) {
  const capWan = c.budgetCapYuan / 10_000;
  const schedule = Form.useWatch('schedule', form) as ProposalValues['schedule'] | undefined;
  const months = (schedule ?? []).reduce((s, x) => s + (Number(x?.months) || 0), 0);

  return (
    <>
      <Card title="挂帅人与团队" size="small">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="leaderName"
              label="挂帅人"
              rules={[
                { required: true, whitespace: true, message: '请填写挂帅人姓名' },
                { max: 50, message: '不能超过 50 字' },
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="leaderTitle" label="挂帅人职称" rules={[{ max: 50, message: '不能超过 50 字' }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong style={{ display: 'block' }}>
          团队成员
        </Typography.Text>
        <ProposalTeamList disabled={disabled} />
      </Card>

      <Card title="联合体" size="small">
        <Form.Item
          name="partnerOrganizationIds"
          label="联合体成员单位"
          extra="牵头单位为本单位。联合体成员须为已认证单位，最多 10 家；每个单位只能参与本榜单的一份已提交申请。"
          style={{ marginBottom: 0 }}
        >
          <ProposalPartnerSelect leadId={leadId} disabled={disabled} />
        </Form.Item>
      </Card>

      <Card title="技术路线" size="small">
        <Form.Item
          name="approach"
          label="技术路线与实施方案"
          rules={[
            { required: true, whitespace: true, message: '请填写技术路线' },
            { max: 10000, message: '不能超过 10000 字' },
          ]}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea rows={8} showCount maxLength={10000} />
        </Form.Item>
      </Card>

      <Card title="对攻关目标的承诺" size="small">
        <Typography.Paragraph>请逐项填写本单位承诺达到的指标值（可比榜单目标更高）。</Typography.Paragraph>
        <Form.List name="commitments">
          {(fields, _ops, { errors }) => (
            <>
              {fields.map((f) => {
                const o = c.objectives[f.name];
                if (!o) return null;
                const label = `目标 ${f.name + 1}：${o.indicator}（榜单要求 ${o.target} ${o.unit}）`;
                return (
                  <Row key={f.key} gutter={8}>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={[f.name, 'value']}
                        label={label}
                        rules={[
                          { required: true, whitespace: true, message: '请填写承诺值' },
                          { max: 100, message: '不能超过 100 字' },
                        ]}
                      >
                        <Input placeholder={`如 ${o.target} ${o.unit}`} autoComplete="off" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={[f.name, 'note']}
                        label={`目标 ${f.name + 1} 的说明（选填）`}
                        rules={[{ max: 500, message: '不能超过 500 字' }]}
                      >
                        <Input autoComplete="off" />
                      </Form.Item>
                    </Col>
                  </Row>
                );
              })}
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Card>

      <Card title="经费与进度安排" size="small">
        <Form.Item
          name="requestedBudgetWan"
          label="申请财政资金"
          extra={`不超过榜单财政资金上限 ${capWan.toLocaleString('zh-CN')} 万元`}
          rules={[
            { required: true, message: '请填写申请经费' },
            { type: 'number', min: 0.0001, message: '申请经费应大于 0' },
            { type: 'number', max: capWan, message: `不能超过榜单财政资金上限 ${capWan.toLocaleString('zh-CN')} 万元` },
            {
              validator: async (_r, v?: number | null) => {
                if (v != null && Math.abs(v * 10_000 - Math.round(v * 10_000)) > 1e-6) throw new Error('最多保留 4 位小数（精确到元）');
              },
            },
          ]}
        >
          <InputNumber suffix="万元" min={0} style={{ width: 240 }} />
        </Form.Item>
        <Typography.Text strong style={{ display: 'block' }}>
          进度安排
        </Typography.Text>
        <ProposalScheduleList disabled={disabled} durationMonths={c.durationMonths} months={months} />
      </Card>
    </>
  );
}
