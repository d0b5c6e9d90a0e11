import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Typography } from 'antd';

const remove = (label: string, onClick: () => void, disabled?: boolean) => (
  <Button type="text" danger icon={<DeleteOutlined />} aria-label={label} title={label} onClick={onClick} disabled={disabled} />
);

/** 团队成员: name, title and role per row (the API takes at most 50). */
export function ProposalTeamList({ disabled }: { disabled: boolean }) {
  return (
    <Form.List name="team">
      {(fields, { add, remove: drop }, { errors }) => (
        <>
          {fields.map((f, i) => (
            <Row key={f.key} gutter={8} align="top" style={{ marginTop: 8 }}>
              <Col xs={24} md={7}>
                <Form.Item
                  name={[f.name, 'name']}
                  rules={[
                    { required: true, whitespace: true, message: '请填写姓名' },
                    { max: 50, message: '不能超过 50 字' },
                  ]}
                  style={{ marginBottom: 8 }}
                >
                  <Input aria-label={`第 ${i + 1} 位成员姓名`} placeholder="姓名" autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name={[f.name, 'title']} rules={[{ max: 50, message: '不能超过 50 字' }]} style={{ marginBottom: 8 }}>
                  <Input aria-label={`第 ${i + 1} 位成员职称`} placeholder="职称" autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={20} md={9}>
                <Form.Item name={[f.name, 'role']} rules={[{ max: 100, message: '不能超过 100 字' }]} style={{ marginBottom: 8 }}>
                  <Input aria-label={`第 ${i + 1} 位成员分工`} placeholder="分工" autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={4} md={2}>
                {remove(`删除第 ${i + 1} 位成员`, () => drop(f.name), disabled)}
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ name: '', title: '', role: '' })}
            disabled={disabled || fields.length >= 50}
            style={{ marginTop: 8 }}
          >
            添加团队成员
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** 进度安排: phase, months and deliverable per row, summed against the call's duration. */
export function ProposalScheduleList({ disabled, durationMonths, months }: { disabled: boolean; durationMonths: number; months: number }) {
  return (
    <Form.List name="schedule">
      {(fields, { add, remove: drop }, { errors }) => (
        <>
          {fields.map((f, i) => (
            <Row key={f.key} gutter={8} align="top" style={{ marginTop: 8 }}>
              <Col xs={24} md={7}>
                <Form.Item
                  name={[f.name, 'phase']}
                  rules={[
                    { required: true, whitespace: true, message: '请填写阶段名称' },
                    { max: 100, message: '不能超过 100 字' },
                  ]}
                  style={{ marginBottom: 8 }}
                >
                  <Input aria-label={`第 ${i + 1} 阶段名称`} placeholder="阶段" autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={4}>
                <Form.Item
                  name={[f.name, 'months']}
                  rules={[
                    { required: true, message: '请填写月数' },
                    { type: 'number', min: 1, max: 120, message: '1–120 个月' },
                  ]}
                  style={{ marginBottom: 8 }}
                >
                  <InputNumber
                    aria-label={`第 ${i + 1} 阶段月数`}
                    suffix="个月"
                    precision={0}
                    min={1}
                    max={120}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
              <Col xs={20} md={11}>
                <Form.Item
                  name={[f.name, 'deliverable']}
                  rules={[
                    { required: true, whitespace: true, message: '请填写阶段成果' },
                    { max: 500, message: '不能超过 500 字' },
                  ]}
                  style={{ marginBottom: 8 }}
                >
                  <Input aria-label={`第 ${i + 1} 阶段成果`} placeholder="阶段成果" autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={4} md={2}>
                {remove(`删除第 ${i + 1} 阶段`, () => drop(f.name), disabled)}
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={errors} />
          <div style={{ marginTop: 8 }}>
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ phase: '', months: null, deliverable: '' })}
              disabled={disabled || fields.length >= 20}
            >
              添加进度阶段
            </Button>
            <Typography.Text style={{ marginLeft: 12, color: months > durationMonths ? '#ad4e00' : undefined }}>
              合计 {months} 个月（榜单实施周期 {durationMonths} 个月{months > durationMonths ? '，已超出' : ''}）
            </Typography.Text>
          </div>
        </>
      )}
    </Form.List>
  );
}
