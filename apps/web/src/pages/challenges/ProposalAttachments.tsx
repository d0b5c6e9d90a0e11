import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Progress, Typography } from 'antd';
import { useRef, useState } from 'react';
import { uploadWithProgress } from '../../api/client';
import { errorMessage } from '../../components/api-errors';
import { saveBlob } from '../../components/download';
import { AttachmentList, fetchAttachment, useProposalAttachments } from './AttachmentParts';
import { type Attachment, Muted } from './ChallengeShared';

const MAX_BYTES = 10 * 1024 * 1024;
const MAX_FILES = 10;
/** The API's own wording, shown at once as a hint; the API's answer replaces it. */
const NOT_PDF = '附件只能是 PDF 文件';

function looksLikePdf(file: File): boolean {
  return file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
}

/** PDF attachments of a proposal: upload with progress (owner, before the deadline), list and download. */
export default function ProposalAttachments({ proposalId, editable }: { proposalId: string | null; editable: boolean }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const list = useProposalAttachments(proposalId);
  const items = list.data ?? [];

  const upload = async (file: File) => {
    if (!proposalId) return;
    if (file.size > MAX_BYTES) {
      setUploadError('附件不能超过 10 MB');
      return;
    }
    // An obviously wrong file gets the hint at once; the API still judges the content.
    setUploadError(looksLikePdf(file) ? null : NOT_PDF);
    setProgress(0);
    try {
      // Sent as plain bytes: the API decides by the content (a PDF starts with %PDF-), not by the browser's guess.
      const body = new File([file], file.name, { type: 'application/octet-stream' });
      const url = `/api/proposals/${encodeURIComponent(proposalId)}/attachments?filename=${encodeURIComponent(file.name)}`;
      await uploadWithProgress(url, body, setProgress);
      setUploadError(null);
      message.success(`已上传 ${file.name}`);
      await qc.invalidateQueries({ queryKey: ['proposal-attachments', proposalId] });
    } catch (err) {
      setUploadError(errorMessage(err));
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };

  const save = async (a: Attachment) => {
    setDownloading(a.id);
    try {
      saveBlob(await fetchAttachment(proposalId!, a), a.filename);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setDownloading(null);
    }
  };

  return (
    <Card title="附件（PDF）" size="small">
      {!proposalId ? (
        <Typography.Paragraph style={{ marginBottom: 0 }}>保存草稿后即可上传 PDF 附件（如技术方案、资质证明）。</Typography.Paragraph>
      ) : (
        <Flex vertical gap={12}>
          {editable && (
            <Flex vertical gap={8}>
              <Flex align="center" gap={12} wrap>
                <input
                  ref={input}
                  id="proposal-attachment-input"
                  type="file"
                  accept="application/pdf,.pdf"
                  data-testid="attachment-input"
                  aria-label="选择要上传的 PDF 附件"
                  style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' }}
                  tabIndex={-1}
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    if (file) void upload(file);
                  }}
                />
                <Button
                  icon={<UploadOutlined />}
                  loading={progress !== null}
                  disabled={items.length >= MAX_FILES}
                  onClick={() => input.current?.click()}
                >
                  上传 PDF 附件
                </Button>
                <Muted>
                  仅限 PDF，单个不超过 10 MB，每份申请最多 {MAX_FILES} 个（已上传 {items.length} 个）
                </Muted>
              </Flex>
              {progress !== null && <Progress percent={progress} size="small" aria-label="上传进度" />}
              <div
                data-testid="attachment-error"
                role="alert"
                aria-live="assertive"
                style={{ color: '#cf1322', minHeight: uploadError ? 22 : 0 }}
              >
                {uploadError}
              </div>
            </Flex>
          )}
          <AttachmentList
            list={list}
            empty={editable ? '尚未上传附件，可点击“上传 PDF 附件”添加。' : '没有附件'}
            itemTestId="attachment-item"
            actions={(a) => [
              <Button key="dl" type="link" loading={downloading === a.id} onClick={() => void save(a)} aria-label={`下载 ${a.filename}`}>
                下载
              </Button>,
            ]}
          />
        </Flex>
      )}
    </Card>
  );
}
