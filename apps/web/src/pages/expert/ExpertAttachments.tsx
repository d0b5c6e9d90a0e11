import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../components/api-errors';
import { dateText } from '../../components/labels';
import { type Attachment, fileSizeText, Muted } from '../challenges/ChallengeShared';

/** Fetches an attachment with the access token (a plain link would carry none) as a PDF object URL. */
async function pdfUrl(proposalId: string, a: Attachment): Promise<string> {
  const res = await api.GET('/api/proposals/{id}/attachments/{attachmentId}', {
    params: { path: { id: proposalId, attachmentId: a.id } },
    parseAs: 'blob',
  });
  const blob = unwrap(res) as Blob;
  const url = URL.createObjectURL(blob.type === 'application/pdf' ? blob : new Blob([blob], { type: 'application/pdf' }));
  // Long enough to read and reload the tab; the memory goes when the portal is closed anyway.
  setTimeout(() => URL.revokeObjectURL(url), 30 * 60_000);
  return url;
}

/**
 * The proposal's PDF attachments, read in the browser's own PDF viewer in a new tab. (The
 * portal's content security policy allows no blob: frames, so they are not embedded.)
 */
export default function ExpertAttachments({ proposalId }: { proposalId: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['proposal-attachments', proposalId],
    queryFn: async () => unwrap(await api.GET('/api/proposals/{id}/attachments', { params: { path: { id: proposalId } } })),
  });

  const run = async (a: Attachment, how: 'view' | 'save') => {
    // Opened at once, in the click, so that the browser does not take it for a pop-up.
    const tab = how === 'view' ? window.open('about:blank', '_blank') : null;
    setBusy(`${how}:${a.id}`);
    try {
      const url = await pdfUrl(proposalId, a);
      if (tab) {
        tab.opener = null;
        tab.location.href = url;
        return;
      }
      const link = document.createElement('a');
      link.href = url;
      if (how === 'save') link.download = a.filename;
      else link.target = '_blank';
      document.body.appendChild(link);
      link.click();
      link.remove();
    } catch (err) {
      tab?.close();
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title="申请附件（PDF）" size="small">
      <List<Attachment>
        size="small"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: <Empty description={list.isError ? errorMessage(list.error) : '申报单位没有上传附件'} /> }}
        renderItem={(a) => (
          <List.Item
            key={a.id}
            data-testid="er-attachment"
            actions={[
              <Button
                key="view"
                type="link"
                loading={busy === `view:${a.id}`}
                onClick={() => void run(a, 'view')}
                aria-label={`在新标签页查看 ${a.filename}`}
                data-testid="er-attachment-view"
              >
                在线查看
              </Button>,
              <Button
                key="save"
                type="link"
                loading={busy === `save:${a.id}`}
                onClick={() => void run(a, 'save')}
                aria-label={`下载 ${a.filename}`}
              >
                下载
              </Button>,
            ]}
          >
            <Flex vertical>
              <Typography.Text strong>{a.filename}</Typography.Text>
              <Muted>
                {fileSizeText(a.sizeBytes)} · 上传于 {dateText(a.createdAt)}
              </Muted>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
