import { Checkbox, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import type { FormInstance, Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { RegionCascader, useReference } from '../../components/reference';
import type { ItemKind } from './ItemApi';
import { patentMessage, todayInBeijing, type ItemFormValues } from './ItemFormValues';

/** GB/T 22900 technology readiness levels, as people in the field name them. */
const TRL_OPTIONS = [
  '基本原理清晰',
  '技术概念和应用设想明确',
  '关键功能完成实验室验证',
  '部件或原理样机在实验室环境中验证',
  '部件或样机在相关环境中验证',
  '系统原型在相关环境中验证（中试）',
  '原型在实际环境中验证',
  '系统完成并通过试验验证',
  '实际应用验证成功',
].map((label, i) => ({ value: i + 1, label: `${i + 1} 级：${label}` }));

const MAX_WAN = 100_000_000; // the API's limit: one trillion yuan
const money = (label: string): Rule => ({
  validator: async (_r, v: number | null | undefined) => {
    if (v === null || v === undefined) return;
    if (v < 0) throw new Error(`${label}不能为负数`);
    if (v > MAX_WAN) throw new Error(`${label}过大，请核对单位（万元）`);
    if (Math.abs(v * 10_000 - Math.round(v * 10_000)) > 1e-6) throw new Error(`${label}最多精确到元（万元后 4 位小数）`);
  },
});

const keywordRules: Rule[] = [
  {
    validator: async (_r, v: string[] | undefined) => {
      const list = (v ?? []).map((k) => k.trim());
      if (list.length > 10) throw new Error('关键词最多 10 个');
      if (list.some((k) => !k)) throw new Error('关键词不能为空');
      const long = list.find((k) => k.length > 20);
      if (long) throw new Error(`关键词“${long}”超过 20 个字符`);
      if (new Set(list).size !== list.length) throw new Error('关键词不能重复');
    },
  },
];

/** Every field of the API's create/update DTO for a need or a result, with its limits. */
export default function ItemFormFields({ kind, form }: { kind: ItemKind; form: FormInstance<ItemFormValues> }) {
  const { data: reference } = useReference();
  const negotiable = Form.useWatch('priceNegotiable', form);
  const patentHint = reference?.patentFormat ?? '应为专利申请号或公开号';
  const need = kind === 'need';
  const body = need ? 'description' : 'summary';

  return (
    <>
      <Form.Item
        name="title"
        label={need ? '需求名称' : '成果名称'}
        extra={need ? '用一句话说清要解决的技术问题，建议 8–40 字' : '体现技术对象和用途，建议 8–40 字'}
        rules={[
          { required: true, whitespace: true, message: `请填写${need ? '需求' : '成果'}名称` },
          { max: 100, message: '名称不能超过 100 个字符' },
        ]}
      >
        <Input showCount maxLength={100} />
      </Form.Item>
      <Form.Item
        name={body}
        label={need ? '需求描述' : '成果简介'}
        extra={
          need
            ? '建议不少于 80 字：现状、要解决的技术难点、已尝试的办法和可考核的指标（如“纯度不低于 99.5%”）'
            : '建议不少于 80 字：技术原理、创新点、应用场景和量化的性能指标（如“转化率达到 95%”）'
        }
        rules={[
          { required: true, whitespace: true, message: `请填写${need ? '需求描述' : '成果简介'}` },
          { max: 5000, message: '不能超过 5000 个字符' },
        ]}
      >
        <Input.TextArea showCount maxLength={5000} autoSize={{ minRows: 6, maxRows: 16 }} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="field" label="产业领域" rules={[{ type: 'enum', enum: reference?.fields, message: '请从列表中选择产业领域' }]}>
            <Select
              allowClear
              showSearch
              placeholder="选择产业领域"
              options={(reference?.fields ?? []).map((f) => ({ value: f, label: f }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="trl" label={need ? '期望的技术成熟度（TRL）' : '技术成熟度（TRL）'}>
            <Select allowClear placeholder="选择 1–9 级" options={TRL_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="keywords"
        label="关键词"
        extra="3–8 个技术关键词（材料、工艺、设备、产品名称），输入后按回车或逗号确认；最多 10 个，每个不超过 20 字"
        rules={keywordRules}
      >
        <Select
          mode="tags"
          tokenSeparators={[',', '，', '、', ';', '；']}
          open={false}
          suffixIcon={null}
          placeholder="如：磷石膏、综合利用"
        />
      </Form.Item>
      <Form.Item name="cooperationModes" label={need ? '合作方式' : '可提供的合作方式'}>
        <Checkbox.Group options={(reference?.cooperationModes ?? []).map((m) => ({ value: m, label: m }))} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="region" label="所在地" extra="不选时取本单位所在地">
            <RegionCascader placeholder="选择市或县（区）" />
          </Form.Item>
        </Col>
        {need ? (
          <Col xs={24} md={12}>
            <Form.Item
              name="deadline"
              label="截止日期"
              getValueProps={(v?: string | null) => ({ value: v ? dayjs(v) : undefined })}
              normalize={(d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
              rules={[
                {
                  validator: async (_r, v?: string | null) => {
                    if (v && v < todayInBeijing()) throw new Error('截止日期不能早于今天');
                  },
                },
              ]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < todayInBeijing()} />
            </Form.Item>
          </Col>
        ) : (
          <Col xs={24} md={12}>
            <Form.Item name="teamLead" label="团队负责人" rules={[{ max: 50, message: '不能超过 50 个字符' }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        )}
      </Row>
      {need ? (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="budgetMinWan" label="预算下限（万元）" rules={[money('预算下限')]}>
              <InputNumber min={0} max={MAX_WAN} style={{ width: '100%' }} placeholder="如 50" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="budgetMaxWan"
              label="预算上限（万元）"
              dependencies={['budgetMinWan']}
              rules={[
                money('预算上限'),
                ({ getFieldValue }) => ({
                  validator: async (_r, v?: number | null) => {
                    const min = getFieldValue('budgetMinWan') as number | null | undefined;
                    if (v !== null && v !== undefined && min !== null && min !== undefined && v < min)
                      throw new Error('预算上限不能小于预算下限');
                  },
                }),
              ]}
            >
              <InputNumber min={0} max={MAX_WAN} style={{ width: '100%' }} placeholder="如 200" />
            </Form.Item>
          </Col>
        </Row>
      ) : (
        <>
          <Row gutter={16} align="bottom">
            <Col xs={24} md={12}>
              <Form.Item name="askingPriceWan" label="转让价格（万元）" rules={[money('转让价格')]}>
                <InputNumber
                  min={0}
                  max={MAX_WAN}
                  style={{ width: '100%' }}
                  disabled={!!negotiable}
                  placeholder={negotiable ? '面议' : '如 120'}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="priceNegotiable" valuePropName="checked">
                <Checkbox>价格面议（不填转让价格）</Checkbox>
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="patentNumbers"
            label="相关专利"
            extra={`${patentHint}；输入后按回车确认，最多 50 个`}
            rules={[
              {
                validator: async (_r, v?: string[]) => {
                  if ((v ?? []).length > 50) throw new Error('专利最多 50 个');
                  for (const n of v ?? []) {
                    const m = patentMessage(n, patentHint);
                    if (m) throw new Error(m);
                  }
                },
              },
            ]}
          >
            <Select
              mode="tags"
              tokenSeparators={[',', '，', '、', ';', '；', ' ']}
              open={false}
              suffixIcon={null}
              placeholder="如：CN202310123456.6"
            />
          </Form.Item>
        </>
      )}
      <Divider titlePlacement="start">联系方式（不公开，仅本单位、科技局和对接成功的单位可见）</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="contactName" label="联系人" rules={[{ max: 50, message: '不能超过 50 个字符' }]}>
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="contactPhone"
            label="联系电话"
            rules={[{ pattern: /^\s*[0-9+\- ()]{5,30}\s*$/, message: '不是有效的电话号码（5–30 位数字，可含 +、-、空格、括号）' }]}
          >
            <Input maxLength={30} autoComplete="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="contactEmail"
            label="联系邮箱"
            rules={[
              { type: 'email', message: '邮箱格式不正确' },
              { max: 100, message: '不能超过 100 个字符' },
            ]}
          >
            <Input maxLength={100} autoComplete="email" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
