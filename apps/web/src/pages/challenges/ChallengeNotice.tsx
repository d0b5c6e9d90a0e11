import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, List, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { applyApiErrors } from '../../components/api-errors';
import { dateText, wan } from '../../components/labels';
import { type Challenge, Muted, type Objection, ToneTag, WINNERS_NAMED, UNDERLINE } from './ChallengeShared';

/** Objections the viewer may see: the bureau all, an organization its own. */
function ObjectionList({ challengeId }: { challengeId: string }) {
  const { isBureau } = useSession();
  const { data, isLoading } = useQuery({
    queryKey: ['challenge-objections', challengeId],
    queryFn: async () => unwrap(await api.GET('/api/challenges/{id}/objections', { params: { path: { id: challengeId } } })),
  });
  return (
    <Card title={isBureau ? '全部异议' : '本单位提出的异议'} size="small">
      <List<Objection>
        loading={isLoading}
        dataSource={data ?? []}
        pagination={(data?.length ?? 0) > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{
          emptyText: <Empty description={isBureau ? '暂无异议' : '本单位尚未提出异议；公示期内如对评定结果有异议，可在上方提出。'} />,
        }}
        renderItem={(o) => (
          <List.Item key={o.id}>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex justify="space-between" wrap gap={8}>
                <Muted>提出于 {dateText(o.createdAt)}</Muted>
                {o.answeredAt ? <ToneTag tone="green">已答复</ToneTag> : <ToneTag tone="blue">待答复</ToneTag>}
              </Flex>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{o.text}</Typography.Paragraph>
              {o.answer && (
                <Alert
                  type="info"
                  title={`科技局答复（${dateText(o.answeredAt)}）`}
                  description={<span style={{ whiteSpace: 'pre-wrap' }}>{o.answer}</span>}
                />
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** A signed-in organization's objection during the notice period. */
function ObjectionForm({ challengeId }: { challengeId: string }) {
  const [form] = Form.useForm<{ text: string }>();
  const [error, setError] = useState<string | null>(null);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const file = useMutation({
    mutationFn: async (v: { text: string }) =>
      unwrap(await api.POST('/api/challenges/{id}/objections', { params: { path: { id: challengeId } }, body: { text: v.text } })),
    onMutate: () => setError(null),
    onSuccess: async () => {
      form.resetFields();
      message.success('异议已提交，科技局答复后会通知本单位');
      await qc.invalidateQueries({ queryKey: ['challenge-objections', challengeId] });
    },
    onError: (err) => setError(applyApiErrors(form, err)),
  });
  return (
    <Card title="对评定结果提出异议" size="small">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={(v) => file.mutate(v)} validateTrigger={['onChange', 'onBlur']}>
        <Form.Item
          name="text"
          label="异议内容"
          extra="请写明异议的事实和理由，科技局将逐条答复；仅科技局和本单位可见。"
          rules={[
            { required: true, whitespace: true, message: '请填写异议内容' },
            { max: 3000, message: '异议内容不能超过 3000 字' },
          ]}
        >
          <Input.TextArea rows={4} showCount maxLength={3000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={file.isPending}>
          提交异议
        </Button>
      </Form>
    </Card>
  );
}

/** 评定公示: the winners from the notice period on, and the objections. */
export default function ChallengeNotice({ challenge: c }: { challenge: Challenge }) {
  const { me, isBureau } = useSession();
  const location = useLocation();
  const named = WINNERS_NAMED.includes(c.status);
  const noticeOpen = c.status === 'awarded' && !!c.noticeEndsAt && Date.now() < new Date(c.noticeEndsAt).getTime();

  if (!named) {
    return (
      <Empty
        description={
          c.status === 'cancelled' ? '本榜单已撤榜，没有评定结果。' : '评定结果尚未公布：专家评审结束、科技局评定中榜单位后，将在此公示。'
        }
      />
    );
  }

  return (
    <Flex vertical gap={16}>
      <Card title="中榜单位公示" size="small">
        <Typography.Paragraph>
          {c.noticeEndsAt ? `公示期至 ${dateText(c.noticeEndsAt)}（北京时间）` : '公示期未设定'}
          {noticeOpen ? '，公示期内可对评定结果提出异议。' : '，公示期已结束。'}
          {c.finalizedAt && `评定结果已于 ${dateText(c.finalizedAt)} 确认。`}
        </Typography.Paragraph>
        <Table
          size="small"
          rowKey="proposalId"
          dataSource={c.winners}
          pagination={c.winners.length > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: <Empty description="本榜单没有中榜单位" /> }}
          columns={[
            {
              title: '牵头单位',
              key: 'org',
              render: (_v, w) => <Link to={`/organizations/${w.organizationId}`}>{w.organizationName ?? '查看牵头单位'}</Link>,
            },
            {
              title: '联合体成员',
              key: 'partners',
              render: (_v, w) =>
                w.partnerOrganizationNames.length ? w.partnerOrganizationNames.map((n) => n ?? '（单位已注销）').join('、') : '无',
            },
            { title: '挂帅人', dataIndex: 'leaderName' },
            { title: '核定经费', dataIndex: 'awardedBudgetYuan', render: (y: number) => wan(y) },
          ]}
        />
      </Card>

      {noticeOpen && me && !isBureau && me.organization.status === 'verified' && <ObjectionForm challengeId={c.id} />}
      {noticeOpen && !me && (
        <Alert
          type="info"
          showIcon
          title={
            <span>
              已认证单位登录后可在公示期内提出异议。
              <Link to={`/login?next=${encodeURIComponent(location.pathname)}`} style={UNDERLINE}>
                登录
              </Link>
            </span>
          }
        />
      )}
      {me ? <ObjectionList challengeId={c.id} /> : null}
    </Flex>
  );
}
