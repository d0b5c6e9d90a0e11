import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../components/api-errors';
import ReviewContent from './ReviewContent';
import ReviewCorrectModal from './ReviewCorrectModal';
import RejectReasonForm from './RejectReasonForm';
import ReviewHistory from './ReviewHistory';
import { approve, getItem, invalidateReviewed, itemKey, KIND_NOUN, reject, type ReviewItem, type ReviewKind } from './ReviewApi';

interface Props {
  kind: ReviewKind;
  id: string | undefined;
  /** The row's data, shown while the item itself is fetched. */
  initial?: ReviewItem;
  onClose: () => void;
}

const title = (kind: ReviewKind, item: ReviewItem | undefined): string =>
  !item ? KIND_NOUN[kind] : 'title' in item ? item.title : `${item.resultTitle ?? '成果'} → ${item.enterpriseName ?? '企业'}`;

/** One item under review: its content beside its history, with the bureau's decision. */
export default function ReviewDrawer({ kind, id, initial, onClose }: Props) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const item = useQuery({
    queryKey: itemKey(kind, id),
    queryFn: () => getItem(kind, id as string),
    enabled: !!id,
    placeholderData: initial,
  });
  const approval = useMutation({
    mutationFn: () => approve(kind, id as string),
    onSuccess: async () => {
      message.success(kind === 'adoptions' ? '已确认该转化应用' : '已审核通过并发布');
      await invalidateReviewed(qc, kind, id as string);
      onClose();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const data = item.data;
  const pending = data && (data.status === 'submitted' || data.status === 'pending');
  const correctable = data && kind !== 'adoptions' && data.status === 'published';
  const close = () => {
    setRejecting(false);
    onClose();
  };

  return (
    <Drawer open={!!id} onClose={close} size="min(1120px, 100vw)" title={title(kind, data)} destroyOnHidden>
      {item.isError && <Alert type="error" showIcon title={errorMessage(item.error)} role="alert" />}
      {!data && item.isLoading && <Spin aria-label="正在加载" />}
      {data && id && (
        <>
          <Space wrap style={{ marginBottom: 16 }}>
            {pending && (
              <>
                <Button type="primary" loading={approval.isPending} onClick={() => approval.mutate()} data-testid="review-approve">
                  通过
                </Button>
                <Button danger onClick={() => setRejecting((v) => !v)} aria-expanded={rejecting} data-testid="review-reject">
                  驳回
                </Button>
              </>
            )}
            {correctable && (
              <Button onClick={() => setCorrecting(true)} data-testid="review-correct">
                更正
              </Button>
            )}
            {!pending && !correctable && <Typography.Text>当前状态：{data.statusLabel}，无需审核。</Typography.Text>}
          </Space>
          {pending && rejecting && (
            <RejectReasonForm
              testId="review-reject"
              placeholder="说明需要修改的内容，便于对方修改后重新提交"
              onReject={async (reason) => {
                await reject(kind, id, reason);
                message.success('已驳回，发布单位会收到驳回原因');
                await invalidateReviewed(qc, kind, id);
              }}
              onDone={close}
            />
          )}
          <Row gutter={24} style={{ marginTop: 8 }}>
            <Col xs={24} lg={14}>
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                {KIND_NOUN[kind]}内容
              </Typography.Title>
              <ReviewContent kind={kind} item={data} />
            </Col>
            <Col xs={24} lg={10}>
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                变更记录
              </Typography.Title>
              <ReviewHistory kind={kind} id={id} />
            </Col>
          </Row>
          {correctable && <ReviewCorrectModal open={correcting} kind={kind} item={data as never} onClose={() => setCorrecting(false)} />}
        </>
      )}
    </Drawer>
  );
}
