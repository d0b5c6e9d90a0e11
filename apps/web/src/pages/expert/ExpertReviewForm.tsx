import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../components/api-errors';
import { dateText } from '../../components/labels';
import { type Challenge, Muted } from '../challenges/ChallengeShared';
import { type MyReview, ReviewStateTag, useRememberReview } from './expert-review-state';

interface Values {
  scores: Record<string, number | null>;
  comments: Record<string, string | undefined>;
}

/** The weighted total as the API computes it (scores 0–100, weights summing to 100). */
function weighted(criteria: Challenge['criteria'], scores: Values['scores'] | undefined): number | null {
  if (!scores || criteria.some((k) => typeof scores[k.key] !== 'number')) return null;
  return Math.round(criteria.reduce((sum, k) => sum + (scores[k.key] as number) * k.weight, 0)) / 100;
}

/** Scores and comments per criterion: save a draft, then submit (read-only afterwards). */
export default function ExpertReviewForm({
  proposalId,
  challenge,
  review,
}: {
  proposalId: string;
  challenge: Challenge;
  review: MyReview | null | undefined;
}) {
  const [form] = Form.useForm<Values>();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const remember = useRememberReview();
  const [error, setError] = useState<string | null>(null);
  const criteria = challenge.criteria;
  const submitted = review?.status === 'submitted';
  const reviewing = challenge.status === 'reviewing';
  const readOnly = submitted || !reviewing;
  const scores = Form.useWatch('scores', form);
  const total = submitted ? review.total : weighted(criteria, scores);

  // The saved draft (or the submitted review) fills the form once it is known.
  const reviewId = review?.id;
  useEffect(() => {
    if (review) form.setFieldsValue({ scores: review.scores, comments: review.comments });
  }, [reviewId, form]);

  const body = (v: Values) => ({
    scores: criteria.map((k) => ({
      criterion: k.key,
      score: v.scores[k.key] as number,
      ...(v.comments?.[k.key]?.trim() ? { comment: v.comments[k.key]!.trim() } : {}),
    })),
  });

  const after = async (saved: MyReview, text: string) => {
    setError(null);
    remember(saved);
    message.success(text);
    await qc.invalidateQueries({ queryKey: ['reviews-assigned'] });
  };

  const save = useMutation({
    mutationFn: async (v: Values) =>
      unwrap(await api.PUT('/api/proposals/{id}/reviews/mine', { params: { path: { id: proposalId } }, body: body(v) })),
    onSuccess: (saved) => after(saved, '评分草稿已保存'),
    onError: (err) => setError(errorMessage(err)),
  });
  const submit = useMutation({
    mutationFn: async (v: Values) =>
      unwrap(await api.POST('/api/proposals/{id}/reviews/mine/submit', { params: { path: { id: proposalId } }, body: body(v) })),
    onSuccess: (saved) => after(saved, '评审意见已提交'),
    onError: (err) => setError(errorMessage(err)),
  });

  const onSave = async () => {
    try {
      // A draft needs every score (the API stores them together); comments may come later.
      await form.validateFields(criteria.map((k) => ['scores', k.key]));
    } catch {
      return;
    }
    save.mutate(form.getFieldsValue(true) as Values);
  };

  const onSubmit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      setError('提交前请为每项评审标准打分并写明意见');
      return;
    }
    modal.confirm({
      title: '提交评审意见？',
      content: `加权总分 ${weighted(criteria, v.scores) ?? '—'} 分。提交后不能再修改。`,
      okText: '确认提交',
      cancelText: '再检查一下',
      onOk: () => submit.mutateAsync(v).catch(() => undefined),
    });
  };

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          我的评分 <ReviewStateTag review={review} testId="er-status" />
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        {submitted && <Alert type="success" showIcon message={`评审意见已提交（加权总分 ${review.total} 分），不能再修改。`} />}
        {!submitted && !reviewing && (
          <Alert
            type="info"
            showIcon
            message={`榜单当前为“${challenge.statusLabel}”，${challenge.status === 'published' ? '进入评审阶段后才能评分。' : '评审阶段已结束。'}`}
          />
        )}
        {review?.status === 'draft' && <Muted>草稿保存于 {dateText(review.savedAt)}（保存在本浏览器，可继续修改后提交）。</Muted>}
        <Form<Values> form={form} layout="vertical" disabled={readOnly} initialValues={{ scores: {}, comments: {} }}>
          {criteria.map((k) => (
            <Card key={k.key} size="small" type="inner" title={`${k.name}（权重 ${k.weight}%）`} style={{ marginBottom: 12 }}>
              <Form.Item
                name={['scores', k.key]}
                label={`${k.name}得分（0–100）`}
                rules={[
                  { required: true, message: `请为“${k.name}”打分` },
                  { type: 'number', min: 0, max: 100, message: '得分须在 0 到 100 之间' },
                  {
                    validator: (_: unknown, v?: number | null) =>
                      v == null || Number.isInteger(v * 10) ? Promise.resolve() : Promise.reject(new Error('得分最多保留一位小数')),
                  },
                ]}
              >
                <InputNumber
                  min={0}
                  max={100}
                  step={1}
                  style={{ width: 160 }}
                  aria-label={`${k.name}得分`}
                  data-testid={`er-score-${k.key}`}
                />
              </Form.Item>
              <Form.Item
                name={['comments', k.key]}
                label={`${k.name}评审意见`}
                rules={[
                  { required: true, whitespace: true, message: `提交前须写明“${k.name}”的评审意见` },
                  { max: 2000, message: '意见不能超过 2000 字' },
                ]}
                style={{ marginBottom: 0 }}
              >
                <Input.TextArea rows={3} maxLength={2000} showCount data-testid={`er-comment-${k.key}`} />
              </Form.Item>
            </Card>
          ))}
        </Form>
        <Descriptions
          size="small"
          items={[{ key: 'total', label: '加权总分', children: total === null ? '全部打分后计算' : `${total} 分` }]}
        />
        {error && <Alert type="error" showIcon message={error} role="alert" data-testid="er-error" />}
        {!readOnly && (
          <Flex gap={8} wrap>
            <Button onClick={() => void onSave()} loading={save.isPending} data-testid="er-save">
              保存草稿
            </Button>
            <Button type="primary" onClick={() => void onSubmit()} loading={submit.isPending} data-testid="er-submit">
              提交评审意见
            </Button>
          </Flex>
        )}
        {!readOnly && (
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            <Muted>保存草稿须填写全部得分；提交时每项评分都须写明意见。提交后不能修改。</Muted>
          </Typography.Paragraph>
        )}
      </Flex>
    </Card>
  );
}
