import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Empty, Flex, List, Typography } from 'antd';
import type { ReactNode } from 'react';
import { api, unwrap } from '../../api/client';
import { dateText } from '../../components/labels';
import { type Attachment, fileSizeText, Muted } from './ChallengeShared';

/** A proposal's attachments (none asked for until the proposal exists). */
export function useProposalAttachments(proposalId: string | null) {
  return useQuery({
    queryKey: ['proposal-attachments', proposalId],
    enabled: !!proposalId,
    queryFn: async () => unwrap(await api.GET('/api/proposals/{id}/attachments', { params: { path: { id: proposalId! } } })),
  });
}

/** One attachment's bytes, fetched with the access token (a plain link would carry no credentials). */
export async function fetchAttachment(proposalId: string, a: Attachment): Promise<Blob> {
  const res = await api.GET('/api/proposals/{id}/attachments/{attachmentId}', {
    params: { path: { id: proposalId, attachmentId: a.id } },
    parseAs: 'blob',
  });
  return unwrap(res) as Blob;
}

/** A proposal's attachments as a list: each one's name, size and upload time, with what can be done with it. */
export function AttachmentList({
  list,
  empty,
  itemTestId,
  actions,
}: {
  list: UseQueryResult<Attachment[]>;
  /** Said when there is none. */
  empty: string;
  itemTestId: string;
  actions: (a: Attachment) => ReactNode[];
}) {
  return (
    <List<Attachment>
      size="small"
      loading={list.isLoading}
      dataSource={list.data ?? []}
      locale={{ emptyText: <Empty description={empty} /> }}
      renderItem={(a) => (
        <List.Item key={a.id} data-testid={itemTestId} actions={actions(a)}>
          <Flex vertical>
            <Typography.Text strong>{a.filename}</Typography.Text>
            <Muted>
              {fileSizeText(a.sizeBytes)} · 上传于 {dateText(a.createdAt)}
            </Muted>
          </Flex>
        </List.Item>
      )}
    />
  );
}
