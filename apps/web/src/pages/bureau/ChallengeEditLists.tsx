import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Typography } from 'antd';

const KEY_PATTERN = /^[a-z][a-z0-9_]{0,30}$/;

export interface CriterionRow {
  key?: string;
  name?: string;
  weight?: number;
}

/** Sum of the criteria's weights (must be 100). */
export function weightSum(rows: CriterionRow[] | undefined): number {
  return (rows ?? []).reduce((a, r) => a + (Number(r?.weight) || 0), 0);
}

/** 攻关目标: indicator, target value and unit per row. */
export function ObjectivesList() {
  return (
    <Form.List
      name="objectives"
      rules={[
        {
          validator: async (_, rows?: unknown[]) => {
            if (!rows || rows.length === 0) throw new Error('至少填写一项攻关目标');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Card size="small" title="攻关目标及量化指标" style={{ marginBottom: 16 }}>
          {fields.map(({ key, name }, i) => (
            <Flex key={key} gap={8} align="start" wrap data-testid="ce-objective">
              <Form.Item
                name={[name, 'indicator']}
                label={`指标 ${i + 1}`}
                rules={[
                  { required: true, whitespace: true, message: '请填写指标' },
                  { max: 100, message: '不超过 100 字' },
                ]}
                style={{ flex: '2 1 220px' }}
              >
                <Input placeholder="如：电池能量密度" />
              </Form.Item>
              <Form.Item
                name={[name, 'target']}
                label="目标值"
                rules={[
                  { required: true, whitespace: true, message: '请填写目标值' },
                  { max: 50, message: '不超过 50 字' },
                ]}
                style={{ flex: '1 1 120px' }}
              >
                <Input placeholder="如：≥300" />
              </Form.Item>
              <Form.Item
                name={[name, 'unit']}
                label="单位"
                rules={[
                  { required: true, whitespace: true, message: '请填写单位' },
                  { max: 20, message: '不超过 20 字' },
                ]}
                style={{ flex: '1 1 100px' }}
              >
                <Input placeholder="如：Wh/kg" />
              </Form.Item>
              <Button
                aria-label={`删除第 ${i + 1} 项目标`}
                icon={<DeleteOutlined />}
                disabled={fields.length <= 1}
                onClick={() => remove(name)}
                style={{ marginTop: 30 }}
              />
            </Flex>
          ))}
          <Form.ErrorList errors={errors} />
          <Button icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 20}>
            添加目标
          </Button>
        </Card>
      )}
    </Form.List>
  );
}

/** 评审标准: code, name and weight, the weights' sum shown live (it must be 100). */
export function CriteriaList() {
  const rows = Form.useWatch<CriterionRow[] | undefined>('criteria');
  const sum = weightSum(rows);
  return (
    <Form.List
      name="criteria"
      rules={[
        {
          validator: async (_, value?: CriterionRow[]) => {
            if (!value || value.length === 0) throw new Error('至少填写一项评审标准');
            const keys = value.map((r) => r?.key).filter(Boolean);
            if (new Set(keys).size !== keys.length) throw new Error('评审标准的编码不能重复');
            const s = weightSum(value);
            if (s !== 100) throw new Error(`评审标准权重之和应为 100，当前为 ${s}`);
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Card
          size="small"
          title="评审标准及权重"
          style={{ marginBottom: 16 }}
          extra={
            <Typography.Text strong style={{ color: sum === 100 ? '#22650a' : '#a8071a' }} data-testid="ce-weight-sum" aria-live="polite">
              权重合计 {sum} / 100
            </Typography.Text>
          }
        >
          {fields.map(({ key, name }, i) => (
            <Flex key={key} gap={8} align="start" wrap data-testid="ce-criterion">
              <Form.Item
                name={[name, 'key']}
                label={`编码 ${i + 1}`}
                tooltip="小写字母开头，只含小写字母、数字和下划线，如 tech"
                rules={[
                  { required: true, message: '请填写编码' },
                  { pattern: KEY_PATTERN, message: '只能是小写字母开头的小写字母、数字和下划线' },
                ]}
                style={{ flex: '1 1 120px' }}
              >
                <Input placeholder="如：tech" />
              </Form.Item>
              <Form.Item
                name={[name, 'name']}
                label="评审标准"
                rules={[
                  { required: true, whitespace: true, message: '请填写评审标准名称' },
                  { max: 50, message: '不超过 50 字' },
                ]}
                style={{ flex: '3 1 240px' }}
              >
                <Input placeholder="如：技术方案先进性与可行性" />
              </Form.Item>
              <Form.Item
                name={[name, 'weight']}
                label="权重"
                rules={[{ required: true, message: '请填写权重' }]}
                style={{ flex: '0 0 110px' }}
              >
                <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Button
                aria-label={`删除第 ${i + 1} 项评审标准`}
                icon={<DeleteOutlined />}
                disabled={fields.length <= 1}
                onClick={() => remove(name)}
                style={{ marginTop: 30 }}
              />
            </Flex>
          ))}
          <Form.ErrorList errors={errors} />
          <Button icon={<PlusOutlined />} onClick={() => add({ key: `c${fields.length + 1}` })} disabled={fields.length >= 10}>
            添加评审标准
          </Button>
        </Card>
      )}
    </Form.List>
  );
}
