import { Injectable, StreamableFile } from '@nestjs/common';
import {
  actorOf,
  AuditService,
  AuthUser,
  BadUploadError,
  chinaDate,
  checkPdfUpload,
  Clock,
  ConflictError,
  InvalidStateError,
  isUniqueViolation,
  NotFoundError,
  OutboxService,
  attachmentDisposition,
  StateMachine,
  TransactionHost,
  ValidationFailedError,
} from '@app/core';
import { Adoption } from './adoption.entity';
import { parties } from './adoption-access';
import { CONTRACT_CATEGORY_OF, CONTRACT_STATUS_LABELS, ContractStatus } from './catalog.constants';
import { refuseTechAboveAmount } from './contract-amounts';
import { ContractFile } from './contract-file.entity';
import type { CertifyContractDto, ContractFileDto, ContractViewDto, SubmitContractDto } from './dto/contract.dto';
import { fenToYuan, yuanToFen } from './money.util';
import { OrganizationDirectory } from './organization-directory';
import { registrationNoProblem } from './registration-no.util';

/** 技术合同认定登记 as a table: who moves a contract where, and what they are told. */
export const CONTRACT_MACHINE = new StateMachine<ContractStatus, 'submit' | 'certify' | 'return'>({
  entity: 'adoption',
  label: '技术合同',
  states: CONTRACT_STATUS_LABELS,
  transitions: {
    submit: { from: ['unregistered', 'returned'], to: 'submitted', who: 'a party', event: 'contract.submitted', audit: 'contract-submit' },
    certify: { from: ['submitted'], to: 'certified', who: 'bureau', event: 'contract.certified', audit: 'contract-certify' },
    return: { from: ['submitted'], to: 'returned', who: 'bureau, with a reason', event: 'contract.returned', audit: 'contract-return' },
  },
});

/** While these, the parties may (re)upload the signed PDF. */
const FILE_OPEN: ContractStatus[] = ['unregistered', 'returned'];

/**
 * The contract of an adoption through 认定登记: a party uploads the signed PDF (the same checks as
 * every PDF upload) and submits kind, contract amount and 技术交易额; the bureau certifies it with a
 * registration number in the national form and a date, or returns it with a reason. Both parties are
 * told at each step (the bureau too when one waits for it). The routes let only the two parties and
 * the bureau in (`adoption.party`); nobody else sees the contract or its file.
 */
@Injectable()
export class ContractRegistrationService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly orgs: OrganizationDirectory,
    private readonly clock: Clock,
  ) {}

  async get(adoptionId: string): Promise<ContractViewDto> {
    const a = await this.tx.repo(Adoption).findOne({ where: { id: adoptionId } });
    if (!a) throw new NotFoundError('转化应用');
    return this.view(a);
  }

  async upload(adoptionId: string, sentName: string, contentType: string | undefined, content: Buffer, actor: AuthUser) {
    const checked = checkPdfUpload(sentName, contentType, content, '合同文件');
    return this.tx.run(async (): Promise<ContractFileDto> => {
      const a = await this.lock(adoptionId);
      if (!FILE_OPEN.includes(a.contractStatus))
        throw new InvalidStateError(`技术合同${CONTRACT_STATUS_LABELS[a.contractStatus]}，不能更换合同文件`);
      const repo = this.tx.repo(ContractFile);
      await repo.delete({ adoptionId });
      const saved = await repo.save(
        repo.create({
          adoptionId,
          ...checked,
          content,
          uploadedByUserId: actor.userId,
          uploadedByOrganizationId: actor.organizationId,
        }),
      );
      await this.audit.record({
        actor: actorOf(actor),
        action: 'adoption.contract-upload',
        entityType: 'adoption',
        entityId: adoptionId,
        data: { filename: checked.filename, sha256: checked.sha256, sizeBytes: checked.sizeBytes },
      });
      return { filename: saved.filename, sizeBytes: saved.sizeBytes, sha256: saved.sha256, uploadedAt: saved.createdAt };
    });
  }

  async download(adoptionId: string): Promise<StreamableFile> {
    const f = await this.tx
      .repo(ContractFile)
      .createQueryBuilder('f')
      .addSelect('f.content')
      .where('f.adoption_id = :adoptionId', { adoptionId })
      .getOne();
    if (!f) throw new NotFoundError('合同文件');
    return new StreamableFile(f.content, { type: 'application/pdf', disposition: attachmentDisposition(f.filename) });
  }

  async submit(adoptionId: string, dto: SubmitContractDto, actor: AuthUser): Promise<ContractViewDto> {
    return this.tx.run(async () => {
      const a = await this.lock(adoptionId);
      if (a.status === 'rejected') throw new InvalidStateError('转化应用已被驳回：请先修改并重新提交转化应用，再申请合同认定登记');
      const from = a.contractStatus;
      const to = CONTRACT_MACHINE.check('submit', from);
      if (!(await this.tx.repo(ContractFile).exist({ where: { adoptionId } })))
        throw new BadUploadError('请先上传已签订的技术合同文件（PDF）');
      if (dto.contractKind !== undefined) a.contractKind = dto.contractKind;
      if (dto.amountYuan !== undefined) a.amountFen = yuanToFen(dto.amountYuan) as number;
      if (dto.signedOn !== undefined) a.signedOn = dto.signedOn;
      a.techAmountFen = yuanToFen(dto.techAmountYuan);
      refuseTechAboveAmount(a.techAmountFen, a.amountFen, 'techAmountYuan');
      a.contractStatus = to;
      a.contractSubmittedAt = this.clock.now();
      a.contractReturnReason = null;
      await this.tx.repo(Adoption).save(a);
      await this.record(a, actor, 'submit', from, null, {
        contractKind: a.contractKind,
        amountFen: a.amountFen,
        techAmountFen: a.techAmountFen,
      });
      const bureaus = (await this.orgs.verified(['bureau'])).map((o) => o.id);
      await this.outbox.emit('contract.submitted', {
        adoptionId: a.id,
        organizationIds: [...new Set([...parties(a), ...bureaus])],
        partyOrganizationIds: parties(a),
        actorUserId: actor.userId,
      });
      return this.view(a);
    });
  }

  async certify(adoptionId: string, dto: CertifyContractDto, actor: AuthUser): Promise<ContractViewDto> {
    return this.tx.run(async () => {
      const a = await this.lock(adoptionId);
      if (a.status === 'rejected') throw new InvalidStateError('已驳回的转化应用不能认定登记其合同');
      const from = a.contractStatus;
      const to = CONTRACT_MACHINE.check('certify', from);
      const today = chinaDate(this.clock.now());
      const registeredOn = dto.registeredOn ?? today;
      if (registeredOn < a.signedOn) {
        const message = `登记日期不能早于合同签订日期 ${a.signedOn}`;
        throw new ValidationFailedError(`请求参数有误：${message}`, [{ field: 'registeredOn', message }]);
      }
      const problem = registrationNoProblem(dto.contractRegistrationNo, today, registeredOn);
      if (problem) throw new ValidationFailedError(`请求参数有误：${problem}`, [{ field: 'contractRegistrationNo', message: problem }]);
      if (dto.techAmountYuan !== undefined) a.techAmountFen = yuanToFen(dto.techAmountYuan);
      refuseTechAboveAmount(a.techAmountFen, a.amountFen, 'techAmountYuan');
      const now = this.clock.now();
      a.contractStatus = to;
      a.contractRegistrationNo = dto.contractRegistrationNo;
      a.registeredOn = registeredOn;
      a.certifiedAt = now;
      a.certifiedByUserId = actor.userId;
      // A certified contract is the strongest evidence of the adoption: a pending one is confirmed with it.
      const confirming = a.status === 'pending';
      if (confirming) {
        a.status = 'confirmed';
        a.confirmedAt = now;
      }
      try {
        await this.tx.repo(Adoption).save(a);
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        throw new ConflictError('DUPLICATE_REGISTRATION_NO', '该技术合同登记号已被登记', [
          { field: 'contractRegistrationNo', message: '该技术合同登记号已被登记' },
        ]);
      }
      if (confirming)
        await this.audit.record({
          actor: actorOf(actor),
          action: 'adoption.confirm',
          entityType: 'adoption',
          entityId: a.id,
          from: 'pending',
          to: 'confirmed',
          data: { by: 'contract-certify' },
        });
      await this.record(a, actor, 'certify', from, null, {
        contractRegistrationNo: a.contractRegistrationNo,
        registeredOn,
        techAmountFen: a.techAmountFen,
      });
      await this.outbox.emit('contract.certified', {
        adoptionId: a.id,
        organizationIds: parties(a),
        actorUserId: actor.userId,
        contractRegistrationNo: dto.contractRegistrationNo,
      });
      return this.view(a);
    });
  }

  async return(adoptionId: string, reason: string, actor: AuthUser): Promise<ContractViewDto> {
    return this.tx.run(async () => {
      const a = await this.lock(adoptionId);
      const from = a.contractStatus;
      a.contractStatus = CONTRACT_MACHINE.check('return', from);
      a.contractReturnReason = reason;
      await this.tx.repo(Adoption).save(a);
      await this.record(a, actor, 'return', from, reason);
      await this.outbox.emit('contract.returned', { adoptionId: a.id, organizationIds: parties(a), actorUserId: actor.userId, reason });
      return this.view(a);
    });
  }

  private async lock(id: string): Promise<Adoption> {
    const a = await this.tx.repo(Adoption).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!a) throw new NotFoundError('转化应用');
    return a;
  }

  private record(
    a: Adoption,
    actor: AuthUser,
    action: 'submit' | 'certify' | 'return',
    from: ContractStatus,
    reason: string | null,
    data: Record<string, unknown> | null = null,
  ): Promise<void> {
    return this.audit.record({
      actor: actorOf(actor),
      action: CONTRACT_MACHINE.auditAction(action),
      entityType: 'adoption',
      entityId: a.id,
      from,
      to: a.contractStatus,
      reason,
      data,
    });
  }

  private async view(a: Adoption): Promise<ContractViewDto> {
    const f = await this.tx.repo(ContractFile).findOne({ where: { adoptionId: a.id } });
    return {
      adoptionId: a.id,
      contractKind: a.contractKind,
      contractCategory: CONTRACT_CATEGORY_OF[a.contractKind],
      amountYuan: fenToYuan(a.amountFen) as number,
      techAmountYuan: fenToYuan(a.techAmountFen),
      signedOn: a.signedOn,
      status: a.contractStatus,
      statusLabel: CONTRACT_STATUS_LABELS[a.contractStatus],
      returnReason: a.contractReturnReason,
      submittedAt: a.contractSubmittedAt,
      contractRegistrationNo: a.contractRegistrationNo,
      registeredOn: a.registeredOn,
      certifiedAt: a.certifiedAt,
      file: f ? { filename: f.filename, sizeBytes: f.sizeBytes, sha256: f.sha256, uploadedAt: f.createdAt } : null,
    };
  }
}
