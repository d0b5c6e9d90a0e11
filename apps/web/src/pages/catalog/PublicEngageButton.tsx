import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiRequestError, unwrap } from '../../api/client';
import { applyApiErrors } from '../../components/api-errors';

interface Props {
  kind: 'need' | 'result';
  id: string;
  title: string;
}

/** 发起对接 from a published need or result: a message to the publisher, then the engagement page. */
export default function PublicEngageButton({ kind, id, title }: Props) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [existing, setExisting] = useState<string | null>(null);
  const [form] = Form.useForm<{ message: string }>();
  const qc = useQueryClient();
  const navigate = useNavigate();

  const send = useMutation({
    mutationFn: async (message: string) =>
      unwrap(await api.POST('/api/engagements', { body: kind === 'need' ? { needId: id, message } : { resultId: id, message } })),
    onSuccess: async (engagement) => {
      await qc.invalidateQueries({ queryKey: ['engagements'] });
      setOpen(false);
      navigate(`/engagements/${engagement.id}`);
    },
    onError: (err) => {
      const open = err instanceof ApiRequestError ? err.body.details?.find((d) => d.field === 'engagementId')?.message : undefined;
      setExisting(open ?? null);
      setError(applyApiErrors(form, err));
    },
  });

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="engage-button">
        发起对接
      </Button>
      <Modal
        open={open}
        title="发起对接"
        okText="发送对接请求"
        cancelText="取消"
        confirmLoading={send.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        forceRender
      >
        <Typography.Paragraph>向发布单位发送对接请求：“{title}”。对方接受后，双方可以看到彼此的联系方式。</Typography.Paragraph>
        {error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={error}
            description={existing ? <Link to={`/engagements/${existing}`}>前往进行中的对接</Link> : undefined}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => {
            setError(null);
            setExisting(null);
            send.mutate(v.message.trim());
          }}
        >
          <Form.Item
            name="message"
            label="给对方的留言"
            rules={[
              { required: true, whitespace: true, message: '请填写留言，说明对接意向' },
              { max: 2000, message: '留言最多 2000 字' },
            ]}
          >
            <Input.TextArea rows={5} showCount maxLength={2000} placeholder="简要介绍本单位、合作意向和希望的合作方式" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
