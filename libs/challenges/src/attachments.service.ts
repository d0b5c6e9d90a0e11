import { Injectable, StreamableFile } from '@nestjs/common';
import { actorOf, AuditService, AuthUser, checkPdfUpload, NotFoundError, attachmentDisposition, TransactionHost } from '@app/core';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_PROPOSAL } from './challenge.constants';
import { BadAttachmentError, stateError } from './challenges.errors';
import { Challenge } from './entities/challenge.entity';
import { ProposalAttachment } from './entities/proposal-attachment.entity';
import { ProposalsService } from './proposals.service';

/** PDF attachments of proposals: type and size checked, stored in PostgreSQL, served only with access. */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    private readonly proposals: ProposalsService,
  ) {}

  async add(proposalId: string, sentName: string, contentType: string | undefined, content: Buffer, actor: AuthUser) {
    // The same checks as every PDF upload (core): name, size, PDF content.
    const { filename, sizeBytes, sha256 } = checkPdfUpload(sentName, contentType, content, '附件', ATTACHMENT_MAX_BYTES);
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
          sizeBytes,
          sha256,
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
      disposition: attachmentDisposition(file.filename),
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
