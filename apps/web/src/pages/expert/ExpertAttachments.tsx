import { App, Button, Card } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../components/api-errors';
import { saveBlob } from '../../components/download';
import { AttachmentList, fetchAttachment, useProposalAttachments } from '../challenges/AttachmentParts';
import type { Attachment } from '../challenges/ChallengeShared';

/**
 * The proposal's PDF attachments, read in the browser's own PDF viewer in a new tab. (The
 * portal's content security policy allows no blob: frames, so they are not embedded.)
 */
export default function ExpertAttachments({ proposalId }: { proposalId: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const list = useProposalAttachments(proposalId);

  const run = async (a: Attachment, how: 'view' | 'save') => {
    // Opened at once, in the click, so that the browser does not take it for a pop-up.
    const tab = how === 'view' ? window.open('about:blank', '_blank') : null;
    setBusy(`${how}:${a.id}`);
    try {
      const blob = await fetchAttachment(proposalId, a);
      if (how === 'save') {
        saveBlob(blob, a.filename);
        return;
      }
      const url = URL.createObjectURL(blob.type === 'application/pdf' ? blob : new Blob([blob], { type: 'application/pdf' }));
      // Long enough to read and reload the tab; the memory goes when the portal is closed anyway.
      setTimeout(() => URL.revokeObjectURL(url), 30 * 60_000);
      if (tab) {
        tab.opener = null;
        tab.location.href = url;
        return;
      }
      const link = document.createElement('a');
      link.href = url;
      link.target = '_blank';
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
      <AttachmentList
        list={list}
        empty={list.isError ? errorMessage(list.error) : '申报单位没有上传附件'}
        itemTestId="er-attachment"
        actions={(a) => [
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
      />
    </Card>
  );
}
