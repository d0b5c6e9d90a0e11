import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Form, Input, List, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { applyApiErrors, errorMessage } from '../../components/api-errors';
import { dateText, wan } from '../../components/labels';
import { type Challenge, type Objection, timeLeftText, ToneTag } from '../challenges/ChallengeShared';
import { OrgName, useRefreshChallenge } from './BureauChallengeShared';

/** Answers one objection: the text is required; the API's refusal stays next to it. */
function AnswerForm({ objection, onDone }: { objection: Objection; onDone: () => Promise<unknown> }) {
  const [form] = Form.useForm<{ answer: string }>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <Button size="small" type="primary" data-testid="cm-answer" onClick={() => setOpen(true)}>
        答复
      </Button>
    );
  const submit = async () => {
    const { answer } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      unwrap(await api.POST('/api/objections/{id}/answer', { params: { path: { id: objection.id } }, body: { answer: answer.trim() } }));
      await onDone();
      setOpen(false);
    } catch (err) {
      setError(applyApiErrors(form, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" style={{ width: '100%', marginTop: 8 }}>
      <Form.Item
        name="answer"
        label="答复内容"
        rules={[
          { required: true, whitespace: true, message: '请填写答复内容' },
          { max: 3000, message: '不超过 3000 字' },
        ]}
      >
        <Input.TextArea rows={3} showCount maxLength={3000} data-testid="cm-answer-text" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Flex gap={8}>
        <Button type="primary" loading={busy} data-testid="cm-answer-submit" onClick={() => void submit().catch(() => undefined)}>
          提交答复
        </Button>
        <Button onClick={() => setOpen(false)}>取消</Button>
      </Flex>
    </Form>
  );
}

/** 公示与异议: the notice and its end, the winners, objections and their answers, and 确认立项. */
export default function ChallengeNoticeTab({ challenge: c }: { challenge: Challenge }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const refresh = useRefreshChallenge(c.id);
  const [finalizing, setFinalizing] = useState(false);
  const [finalError, setFinalError] = useState<string | null>(null);
  const named = ['awarded', 'in_progress', 'completed', 'failed'].includes(c.status);
  const objections = useQuery({
    queryKey: ['bureau-challenge', c.id, 'objections'],
    enabled: named,
    queryFn: async () => unwrap(await api.GET('/api/challenges/{id}/objections', { params: { path: { id: c.id } } })),
  });

  if (!named) return <Empty description="评定中榜单位后进入公示期。请先在“排名与立项”中评定中榜单位。" />;

  const finalize = async () => {
    setFinalizing(true);
    setFinalError(null);
    try {
      unwrap(await api.POST('/api/challenges/{id}/finalize', { params: { path: { id: c.id } } }));
      message.success('已确认立项，已告知全部申报单位');
      await refresh();
    } catch (err) {
      setFinalError(errorMessage(err));
    } finally {
      setFinalizing(false);
    }
  };
  const items = objections.data ?? [];
  const open = items.filter((o) => !o.answeredAt).length;
  const left = c.noticeEndsAt ? timeLeftText(c.noticeEndsAt) : null;

  return (
    <Flex vertical gap={16}>
      <Card size="small" title="公示">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'ends', label: '公示期结束（北京时间）', children: dateText(c.noticeEndsAt) },
            { key: 'left', label: '公示状态', children: c.status === 'awarded' ? (left ? `公示中，${left}` : '公示期已满') : '已确认立项' },
            { key: 'open', label: '未答复异议', children: `${open} 条` },
            { key: 'final', label: '立项确认时间', children: dateText(c.finalizedAt) },
          ]}
        />
        <Table
          rowKey="proposalId"
          size="small"
          pagination={false}
          dataSource={c.winners}
          style={{ marginTop: 12 }}
          columns={[
            { title: '中榜单位', key: 'org', render: (_: unknown, w) => w.organizationName ?? <OrgName id={w.organizationId} /> },
            {
              title: '联合单位',
              key: 'partners',
              render: (_: unknown, w) => w.partnerOrganizationNames.filter(Boolean).join('、') || '无',
            },
            { title: '挂帅人', dataIndex: 'leaderName' },
            { title: '核定经费', dataIndex: 'awardedBudgetYuan', render: (v: number) => wan(v) },
          ]}
        />
        {c.status === 'awarded' && (
          <Flex vertical gap={8} style={{ marginTop: 12 }}>
            <Typography.Text>公示期满且全部异议已答复后，方可确认立项（以服务器时间为准）。</Typography.Text>
            {finalError && <Alert type="error" showIcon title={finalError} role="alert" data-testid="cm-finalize-error" />}
            <div>
              <Button type="primary" data-testid="cm-finalize" loading={finalizing} onClick={() => void finalize()}>
                确认立项
              </Button>
            </div>
          </Flex>
        )}
      </Card>
      <Card size="small" title={`异议（${items.length} 条）`}>
        {objections.error ? (
          <Alert type="error" showIcon title={`异议加载失败：${errorMessage(objections.error)}`} />
        ) : (
          <List<Objection>
            loading={objections.isLoading}
            dataSource={items}
            pagination={items.length > 10 ? { pageSize: 10 } : false}
            locale={{ emptyText: <Empty description="公示期内暂无异议。收到异议后需逐条答复，才能确认立项。" /> }}
            renderItem={(o) => (
              <List.Item key={o.id} data-testid="cm-objection">
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Flex gap={8} wrap align="center">
                    <Typography.Text strong>
                      <OrgName id={o.organizationId} />
                    </Typography.Text>
                    <Typography.Text>提出于 {dateText(o.createdAt)}</Typography.Text>
                    {o.answeredAt ? <ToneTag tone="green">已答复</ToneTag> : <ToneTag tone="orange">待答复</ToneTag>}
                  </Flex>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{o.text}</Typography.Paragraph>
                  {o.answer ? (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0, background: '#f6f6f6', padding: 8 }}>
                      答复（{dateText(o.answeredAt)}）：{o.answer}
                    </Typography.Paragraph>
                  ) : (
                    <AnswerForm
                      objection={o}
                      onDone={async () => {
                        message.success('已答复，提出单位将收到通知');
                        await qc.invalidateQueries({ queryKey: ['bureau-challenge', c.id, 'objections'] });
                      }}
                    />
                  )}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}
