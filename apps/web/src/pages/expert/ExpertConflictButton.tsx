import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { applyApiErrors } from '../../components/api-errors';

/** Declares a conflict of interest with this proposal (with a reason); the expert then recuses from it. */
export default function ExpertConflictButton({ challengeId, proposalId }: { challengeId: string; proposalId: string }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const declare = useMutation({
    mutationFn: async (reason: string) =>
      unwrap(await api.POST('/api/challenges/{id}/conflicts', { params: { path: { id: challengeId } }, body: { proposalId, reason } })),
    onSuccess: async () => {
      message.success('已声明利益冲突，您将回避这份申请的评审');
      setOpen(false);
      qc.removeQueries({ queryKey: ['proposal', proposalId] });
      await qc.invalidateQueries({ queryKey: ['reviews-assigned'] });
      navigate('/expert');
    },
    onError: (err) => setError(applyApiErrors(form, err)),
  });

  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="er-conflict">
        声明利益冲突
      </Button>
      <Modal
        open={open}
        title="声明利益冲突并回避"
        okText="确认回避"
        okButtonProps={{ danger: true, loading: declare.isPending, ...{ 'data-testid': 'er-conflict-confirm' } }}
        cancelText="取消"
        onCancel={() => setOpen(false)}
        onOk={() =>
          form.validateFields().then(
            (v) => declare.mutate(v.reason),
            () => undefined,
          )
        }
        destroyOnHidden
      >
        <Typography.Paragraph>
          如您与申报单位或其团队存在利益关系（如同事、近期合作、亲属关系），请声明并回避。声明后这份申请将从您的评审任务中移除，且不能撤销。
        </Typography.Paragraph>
        <Form form={form} layout="vertical" preserve>
          <Form.Item
            name="reason"
            label="利益冲突说明"
            rules={[
              { required: true, whitespace: true, message: '请写明利益冲突的情况' },
              { max: 500, message: '说明不能超过 500 字' },
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              showCount
              placeholder="例如：曾与申报团队合作发表论文"
              data-testid="er-conflict-reason"
            />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon message={error} role="alert" />}
      </Modal>
    </>
  );
}
