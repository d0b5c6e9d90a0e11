import { Injectable, StreamableFile } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { actorOf, AuditService, AuthUser, NotFoundError, TransactionHost } from '@app/core';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_PROPOSAL } from './challenge.constants';
import { BadAttachmentError, stateError } from './challenges.errors';
import { Challenge } from './entities/challenge.entity';
import { ProposalAttachment } from './entities/proposal-attachment.entity';
import { ProposalsService } from './proposals.service';

/**
 * The name to keep for an uploaded file: its base name only (no directories, whichever slash),
 * without control characters or quotes, at most 200 characters.
 */
export function safeFilename(sent: string): string {
  const base = sent.split(/[\\/]/).pop() ?? '';
  return (
    base
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f"'`<>]/g, '')
      .trim()
      .slice(-200)
  );
}

/** PDF attachments of proposals: type and size checked, stored in PostgreSQL, served only with access. */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    private readonly proposals: ProposalsService,
  ) {}

  async add(proposalId: string, sentName: string, contentType: string | undefined, content: Buffer, actor: AuthUser) {
    const filename = safeFilename(sentName);
    if (!filename) throw new BadAttachmentError('附件文件名无效');
    if (!content || content.length === 0) throw new BadAttachmentError('附件内容为空');
    if (content.length > ATTACHMENT_MAX_BYTES) throw new BadAttachmentError(`附件不能超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`);
    // The content decides, not the name or the header: a PDF starts with %PDF-.
    if (content.subarray(0, 5).toString('latin1') !== '%PDF-' || (contentType && contentType !== 'application/pdf')) {
      throw new BadAttachmentError('附件只能是 PDF 文件');
    }
    if (!/\.pdf$/i.test(filename)) throw new BadAttachmentError('附件文件名应以 .pdf 结尾');
    return this.tx.run(async () => {
      const p = await this.proposals.lock(proposalId);
      if (!['draft', 'submitted'].includes(p.status)) throw stateError('该申请已不能修改');
      this.proposals.assertWindowOpen(await this.tx.repo(Challenge).findOneOrFail({ where: { id: p.challengeId } }));
      const count = await this.tx.repo(ProposalAttachment).count({ where: { proposalId } });
      if (count >= ATTACHMENTS_PER_PROPOSAL) throw new BadAttachmentError(`每份申请最多 ${ATTACHMENTS_PER_PROPOSAL} 个附件`);
      const repo = this.tx.repo(ProposalAttachment);
      const saved = await repo.save(
        repo.create({
          proposalId,
          filename,
          contentType: 'application/pdf',
          sizeBytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
          uploadedByUserId: actor.userId,
        }),
      );
      await this.audit.record({
        actor: actorOf(actor),
        action: 'proposal.attach',
        entityType: 'proposal',
        entityId: proposalId,
        data: { attachmentId: saved.id, filename },
      });
      return { id: saved.id, filename, sizeBytes: saved.sizeBytes, sha256: saved.sha256 };
    });
  }

  async list(proposalId: string) {
    const rows = await this.tx.repo(ProposalAttachment).find({ where: { proposalId }, order: { createdAt: 'ASC' } });
    return rows.map((a) => ({ id: a.id, filename: a.filename, sizeBytes: a.sizeBytes, sha256: a.sha256, createdAt: a.createdAt }));
  }

  /** The file as a download, named as uploaded. */
  async download(proposalId: string, attachmentId: string): Promise<StreamableFile> {
    const file = await this.content(proposalId, attachmentId);
    return new StreamableFile(file.content, {
      type: 'application/pdf',
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    });
  }

  async content(proposalId: string, attachmentId: string): Promise<{ filename: string; content: Buffer }> {
    const a = await this.tx
      .repo(ProposalAttachment)
      .createQueryBuilder('a')
      .addSelect('a.content')
      .where('a.id = :attachmentId AND a.proposal_id = :proposalId', { attachmentId, proposalId })
      .getOne();
    if (!a) throw new NotFoundError('附件');
    return { filename: a.filename, content: a.content };
  }
}
