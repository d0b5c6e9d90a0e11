import { Card, Checkbox, Col, DatePicker, Form, type FormInstance, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { ORG_KIND } from '../../components/labels';
import { useReference } from '../../components/reference';
import type { EditValues } from './ChallengeEditPage';
import ChallengeNeedPicker from './ChallengeNeedPicker';

const KINDS = ['enterprise', 'university', 'institute'] as const;

/** The applicant kinds as checkboxes; the form's aria-required goes to the group's role, not a bare div. */
function KindsGroup({ id, value, onChange }: { id?: string; value?: string[]; onChange?: (v: string[]) => void }) {
  return (
    <div id={id} role="group" aria-label="可揭榜的单位类型">
      <Checkbox.Group value={value} onChange={(v) => onChange?.(v)} options={KINDS.map((k) => ({ value: k, label: ORG_KIND[k] }))} />
    </div>
  );
}

/** The call's own fields: source need, text, funds, window, eligibility, deliverables, notice period. */
export default function ChallengeEditFields({ form, editing }: { form: FormInstance<EditValues>; editing: boolean }) {
  const { data: ref } = useReference();
  const regionOptions = (ref?.regions.prefectures ?? []).map((p) => ({
    label: p.name,
    title: p.name,
    options: [{ value: p.name, label: `${p.name}（全市）` }, ...p.counties.map((c) => ({ value: c, label: `${p.name} · ${c}` }))],
  }));

  return (
    <>
      <Card size="small" title="基本信息" style={{ marginBottom: 16 }}>
        <Form.Item
          name="sourceNeedId"
          label="来源技术需求"
          extra={
            editing
              ? '来源技术需求在新建时确定，草稿中不能更换。'
              : '可选：由已发布的企业技术需求生成榜单，将带入标题、背景和领域，该企业作为联合出资方。'
          }
        >
          <ChallengeNeedPicker
            disabled={editing}
            onPick={(need) => {
              if (!need) return;
              form.setFieldsValue({
                title: need.title.slice(0, 100),
                background: need.description.slice(0, 5000),
                ...(need.field ? { field: need.field } : {}),
              });
              void form.validateFields(['title', 'background', 'field']).catch(() => undefined);
            }}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label="榜单名称"
          rules={[
            { required: true, whitespace: true, message: '请填写榜单名称' },
            { max: 100, message: '不超过 100 字' },
          ]}
        >
          <Input data-testid="ce-title" showCount maxLength={100} />
        </Form.Item>
        <Form.Item
          name="background"
          label="榜单背景"
          rules={[
            { required: true, whitespace: true, message: '请填写榜单背景' },
            { max: 5000, message: '不超过 5000 字' },
          ]}
        >
          <Input.TextArea rows={5} showCount maxLength={5000} />
        </Form.Item>
        <Form.Item name="field" label="产业领域" rules={[{ required: true, message: '请选择产业领域' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={(ref?.fields ?? []).map((f) => ({ value: f, label: f }))} />
        </Form.Item>
      </Card>

      <Card size="small" title="资金与时间" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="budgetCapWan" label="财政资金上限（万元）" rules={[{ required: true, message: '请填写财政资金上限' }]}>
              <InputNumber min={0.01} max={1_000_000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="matchingFundsWan" label="企业配套资金（万元）">
              <InputNumber min={0} max={1_000_000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="opensAt" label="申报开始（北京时间）" rules={[{ required: true, message: '请选择申报开始时间' }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="closesAt"
              label="申报截止（北京时间）"
              dependencies={['opensAt']}
              rules={[
                { required: true, message: '请选择申报截止时间' },
                ({ getFieldValue }) => ({
                  validator: async (_, v?: Dayjs) => {
                    const opens = getFieldValue('opensAt') as Dayjs | undefined;
                    if (v && opens && !v.isAfter(opens)) throw new Error('申报截止时间应晚于开始时间');
                  },
                }),
              ]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="durationMonths" label="实施周期（月）" rules={[{ required: true, message: '请填写实施周期' }]}>
              <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="publicityDays" label="公示期（天）" rules={[{ required: true, message: '请填写公示期' }]}>
              <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title="揭榜条件与交付物" style={{ marginBottom: 16 }}>
        <Form.Item
          name="eligibleKinds"
          label="可揭榜的单位类型"
          rules={[{ required: true, type: 'array', min: 1, message: '至少选择一类单位' }]}
        >
          <KindsGroup />
        </Form.Item>
        <Form.Item
          name="eligibleRegions"
          label="限定地区"
          extra="不选为不限地区；选择一个市即含其下辖区县。"
          rules={[{ type: 'array', max: 50, message: '最多选择 50 个地区' }]}
        >
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="不限地区" options={regionOptions} />
        </Form.Item>
        <Form.Item name="verifiedOnly" label="仅限已通过科技局认证的单位" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        <Form.Item
          name="deliverables"
          label="预期成果与交付物"
          rules={[
            { required: true, whitespace: true, message: '请填写预期成果与交付物' },
            { max: 3000, message: '不超过 3000 字' },
          ]}
        >
          <Input.TextArea rows={4} showCount maxLength={3000} />
        </Form.Item>
      </Card>
    </>
  );
}
