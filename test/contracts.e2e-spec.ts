import { DataSource } from 'typeorm';
import { ContractRegistration1763900200500 } from '@app/catalog/migrations/1763900200500-contract-registration';
import { db, inDays, resultBody } from './catalog-fixtures';
import { OrgSession, TestApp } from './support/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const thisYear = inDays(0).slice(0, 4);
const regNo = (serial: number): string => `${thisYear}420800${String(serial).padStart(6, '0')}`;

/** 技术合同认定登记: the parties upload and submit, the bureau certifies or returns; figures count certified ones only. */
describe('contracts: technology-contract registration (e2e)', () => {
  let t: TestApp;
  let bureau: OrgSession;
  let enterprise: OrgSession;
  let university: OrgSession;
  let stranger: OrgSession;

  beforeAll(async () => {
    t = await TestApp.start();
    bureau = await t.verifiedOrg('bureau', '荆门市科学技术局');
    enterprise = await t.verifiedOrg('enterprise', '荆门合同测试企业');
    university = await t.verifiedOrg('university', '荆楚合同测试学院');
    stranger = await t.verifiedOrg('enterprise', '无关的第三方企业');
  });
  afterAll(async () => t.stop());

  const adoption = async (over: Record<string, unknown> = {}): Promise<string> => {
    const r = await t.request('POST', '/api/results', {
      token: university.token,
      body: resultBody({ title: `合同测试成果${Math.random()}`.slice(0, 40) }),
    });
    await t.request('POST', `/api/results/${r.body.id}/submit`, { token: university.token });
    await t.request('POST', `/api/results/${r.body.id}/approve`, { token: bureau.token });
    const a = await t.request('POST', '/api/adoptions', {
      token: enterprise.token,
      body: { resultId: r.body.id, contractKind: '技术咨询', amountYuan: 600_000, signedOn: inDays(-20), ...over },
    });
    expect(a.status).toBe(201);
    return a.body.id;
  };
  const upload = (id: string, token: string, payload: Buffer = PDF, type = 'application/pdf', filename = '技术咨询合同.pdf') =>
    t.app.inject({
      method: 'POST',
      url: `/api/adoptions/${id}/contract/file?filename=${encodeURIComponent(filename)}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      payload,
    });
  const row = async (id: string) =>
    (
      await db(t).query(
        `SELECT a.contract_kind, a.amount_fen, a.tech_amount_fen, a.contract_status, a.contract_registration_no, a.registered_on, a.status,
                f.sha256
           FROM adoption a LEFT JOIN adoption_contract_file f ON f.adoption_id = a.id WHERE a.id = $1`,
        [id],
      )
    )[0];
  const events = async (type: string, id: string) =>
    (
      await db(t).query(`SELECT payload FROM outbox_event WHERE type = $1 AND payload->>'adoptionId' = $2 ORDER BY created_at`, [type, id])
    ).map((e: { payload: Record<string, unknown> }) => e.payload);

  it('goes from not registered through submitted and returned to certified, both parties told at each step', async () => {
    const id = await adoption();
    const fresh = await t.request('GET', `/api/adoptions/${id}/contract`, { token: university.token });
    expect(fresh.body).toEqual(
      expect.objectContaining({ status: 'unregistered', statusLabel: '未登记', contractCategory: '技术咨询', file: null }),
    );
    const up = await upload(id, enterprise.token);
    expect(up.statusCode).toBe(200);
    expect(JSON.parse(up.body)).toEqual(expect.objectContaining({ filename: '技术咨询合同.pdf', sizeBytes: PDF.length }));
    // The other party downloads it; a stranger and the public never see it.
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/adoptions/${id}/contract/file`,
      headers: { authorization: `Bearer ${university.token}` },
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.rawPayload.equals(PDF)).toBe(true);

    const submitted = await t.request('POST', `/api/adoptions/${id}/contract/submit`, {
      token: enterprise.token,
      body: { techAmountYuan: 450_000 },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toEqual(expect.objectContaining({ status: 'submitted', amountYuan: 600_000, techAmountYuan: 450_000 }));
    const [told] = await events('contract.submitted', id);
    expect(told.partyOrganizationIds).toEqual(expect.arrayContaining([enterprise.organizationId, university.organizationId]));
    expect(told.organizationIds).toEqual(
      expect.arrayContaining([enterprise.organizationId, university.organizationId, bureau.organizationId]),
    );
    const queue = await t.request('GET', '/api/contracts/review-queue', { token: bureau.token });
    expect(queue.body.items.map((a: { id: string }) => a.id)).toContain(id);
    // Waiting for 认定: the file stays as submitted, the contract data too.
    expect((await upload(id, enterprise.token)).statusCode).toBe(409);
    expect((await t.request('PATCH', `/api/adoptions/${id}`, { token: enterprise.token, body: { amountYuan: 700_000 } })).status).toBe(409);

    const returned = await t.request('POST', `/api/adoptions/${id}/contract/return`, {
      token: bureau.token,
      body: { reason: '技术交易额含设备款，请拆分' },
    });
    expect(returned.body).toEqual(expect.objectContaining({ status: 'returned', returnReason: '技术交易额含设备款，请拆分' }));
    expect((await events('contract.returned', id))[0].organizationIds.sort()).toEqual(
      [enterprise.organizationId, university.organizationId].sort(),
    );
    expect((await upload(id, university.token)).statusCode).toBe(200);
    const again = await t.request('POST', `/api/adoptions/${id}/contract/submit`, {
      token: university.token,
      body: { techAmountYuan: 400_000 },
    });
    expect(again.body.status).toBe('submitted');

    const certified = await t.request('POST', `/api/adoptions/${id}/contract/certify`, {
      token: bureau.token,
      body: { contractRegistrationNo: regNo(101), registeredOn: inDays(-1) },
    });
    expect(certified.status).toBe(200);
    expect(certified.body).toEqual(
      expect.objectContaining({
        status: 'certified',
        contractRegistrationNo: regNo(101),
        registeredOn: inDays(-1),
        techAmountYuan: 400_000,
      }),
    );
    // Certifying the contract confirms the pending adoption with it.
    const view = await t.request('GET', `/api/adoptions/${id}`);
    expect(view.body).toEqual(
      expect.objectContaining({
        status: 'confirmed',
        contractStatus: 'certified',
        contractStatusLabel: '已认定登记',
        techAmountYuan: 400_000,
      }),
    );
    expect((await events('contract.certified', id))[0]).toEqual(
      expect.objectContaining({ contractRegistrationNo: regNo(101), organizationIds: expect.arrayContaining([enterprise.organizationId]) }),
    );
    const history = await t.request('GET', `/api/adoptions/${id}/history`, { token: enterprise.token });
    expect(history.body.map((h: { action: string }) => h.action)).toEqual([
      'adoption.create',
      'adoption.contract-upload',
      'adoption.contract-submit',
      'adoption.contract-return',
      'adoption.contract-upload',
      'adoption.contract-submit',
      'adoption.confirm',
      'adoption.contract-certify',
    ]);
    // Certified: counted in this year's figures (技术交易额, not the contract amount), and no more changes.
    const figures = await t.request('GET', '/api/stats/contracts', { token: bureau.token });
    expect(figures.body.total).toEqual(expect.objectContaining({ count: 1, techAmountYuan: 400_000, amountYuan: 600_000 }));
    expect(figures.body.byKind.find((k: { key: string }) => k.key === '技术咨询')).toEqual(
      expect.objectContaining({ count: 1, techAmountYuan: 400_000 }),
    );
    const pub = await t.request('GET', '/api/stats/public');
    expect(pub.body).toEqual(expect.objectContaining({ certifiedContracts: 1, certifiedTechAmountYuan: 400_000 }));
    expect((await upload(id, enterprise.token)).statusCode).toBe(409);
    expect(
      (await t.request('POST', `/api/adoptions/${id}/contract/return`, { token: bureau.token, body: { reason: '再退' } })).status,
    ).toBe(409);
    // The same number on another contract: 409 naming it.
    const other = await adoption();
    await upload(other, enterprise.token);
    await t.request('POST', `/api/adoptions/${other}/contract/submit`, { token: enterprise.token, body: { techAmountYuan: 1 } });
    const dup = await t.request('POST', `/api/adoptions/${other}/contract/certify`, {
      token: bureau.token,
      body: { contractRegistrationNo: regNo(101) },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.details[0].field).toBe('contractRegistrationNo');
    expect((await row(other)).contract_status).toBe('submitted');
  });

  it('refuses bad input with a 4xx naming the field, and changes nothing', async () => {
    const id = await adoption({ amountYuan: 300_000 });
    expect((await upload(id, enterprise.token)).statusCode).toBe(200);
    const before = await row(id);
    const submit = (body: Record<string, unknown>) =>
      t.request('POST', `/api/adoptions/${id}/contract/submit`, { token: enterprise.token, body });
    const cases: [Record<string, unknown>, string][] = [
      [{ techAmountYuan: 300_001 }, 'techAmountYuan'],
      [{ amountYuan: 100_000, techAmountYuan: 200_000 }, 'amountYuan'],
      [{ techAmountYuan: -1 }, 'techAmountYuan'],
      [{ amountYuan: -5, techAmountYuan: 1 }, 'amountYuan'],
      [{ contractKind: '赠与合同', techAmountYuan: 1 }, 'contractKind'],
      [{ techAmountYuan: 1.5 }, 'techAmountYuan'],
      [{}, 'techAmountYuan'],
    ];
    for (const [body, field] of cases) {
      const res = await submit(body);
      expect({ body, status: res.status, fields: res.body.details?.map((d: { field: string }) => d.field) }).toEqual({
        body,
        status: 400,
        fields: expect.arrayContaining([field]),
      });
    }
    // Not a PDF, whatever it is called or declared as.
    for (const [payload, type, name] of [
      [Buffer.from('这不是 PDF 文件'), 'application/pdf', '合同.pdf'],
      [PDF, 'text/plain', '合同.pdf'],
      [PDF, 'application/pdf', '合同.docx'],
      [Buffer.alloc(0), 'application/pdf', '合同.pdf'],
      [Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]), 'application/pdf', '大合同.pdf'],
    ] as const) {
      const res = await upload(id, enterprise.token, payload, type, name);
      expect({ name, type, status: res.statusCode, field: JSON.parse(res.body).details?.[0]?.field }).toEqual({
        name,
        type,
        status: 400,
        field: 'file',
      });
    }
    expect(await row(id)).toEqual(before);

    // Submitted without a file: named.
    const bare = await adoption();
    const noFile = await t.request('POST', `/api/adoptions/${bare}/contract/submit`, {
      token: enterprise.token,
      body: { techAmountYuan: 1 },
    });
    expect(noFile.status).toBe(400);
    expect(noFile.body.details[0].field).toBe('file');

    // The bureau's number in the national form, its year the registration date's, a date not before signing nor in the future.
    expect((await submit({ techAmountYuan: 200_000 })).status).toBe(200);
    const waiting = await row(id);
    const certify = (body: Record<string, unknown>) =>
      t.request('POST', `/api/adoptions/${id}/contract/certify`, { token: bureau.token, body });
    for (const [body, field] of [
      [{ contractRegistrationNo: '登记号' }, 'contractRegistrationNo'],
      [{ contractRegistrationNo: `${thisYear}-4208-000123` }, 'contractRegistrationNo'],
      [{ contractRegistrationNo: `${thisYear}990800000123` }, 'contractRegistrationNo'],
      [{ contractRegistrationNo: `${thisYear}420800000000` }, 'contractRegistrationNo'],
      [{ contractRegistrationNo: '2019420800000123' }, 'contractRegistrationNo'],
      [{ contractRegistrationNo: regNo(7), registeredOn: `${Number(thisYear) - 1}-12-31` }, 'contractRegistrationNo'],
      [{ contractRegistrationNo: regNo(7), registeredOn: inDays(5) }, 'registeredOn'],
      [{ contractRegistrationNo: regNo(7), registeredOn: inDays(-30) }, 'registeredOn'],
      [{ contractRegistrationNo: regNo(7), techAmountYuan: 300_001 }, 'techAmountYuan'],
    ] as const) {
      const res = await certify(body);
      expect({ body, status: res.status, fields: res.body.details?.map((d: { field: string }) => d.field) }).toEqual({
        body,
        status: 400,
        fields: expect.arrayContaining([field]),
      });
    }
    // Only the bureau certifies.
    expect(
      (
        await t.request('POST', `/api/adoptions/${id}/contract/certify`, {
          token: enterprise.token,
          body: { contractRegistrationNo: regNo(7) },
        })
      ).status,
    ).toBe(403);
    expect(await row(id)).toEqual(waiting);
  });

  it('keeps a contract to its two parties and the bureau: another organization can neither read nor change it', async () => {
    const id = await adoption();
    await upload(id, enterprise.token);
    const before = await row(id);
    const as = (token?: string) => ({ authorization: token ? `Bearer ${token}` : '' });
    for (const [method, url, payload] of [
      ['GET', `/api/adoptions/${id}/contract`, undefined],
      ['GET', `/api/adoptions/${id}/contract/file`, undefined],
      ['POST', `/api/adoptions/${id}/contract/submit`, JSON.stringify({ techAmountYuan: 1 })],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: { ...as(stranger.token), 'content-type': 'application/json' }, payload });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 404 });
      const anon = await t.app.inject({ method, url, headers: { 'content-type': 'application/json' }, payload });
      expect({ url, status: anon.statusCode }).toEqual({ url, status: 401 });
    }
    expect((await upload(id, stranger.token)).statusCode).toBe(404);
    expect((await t.request('GET', '/api/contracts/review-queue', { token: stranger.token })).status).toBe(403);
    expect(await row(id)).toEqual(before);
    const missing = await t.request('GET', `/api/adoptions/6f1c1d52-3d5e-4c61-9a39-3b1f0c0a0009/contract`, { token: stranger.token });
    expect(missing.status).toBe(404);
  });

  it('migrates existing adoptions as not yet registered, every value kept', async () => {
    const ds = t.get(DataSource);
    const runner = ds.createQueryRunner();
    const migration = new ContractRegistration1763900200500();
    const r = await t.request('POST', '/api/results', { token: university.token, body: resultBody({ title: '迁移测试成果' }) });
    await t.request('POST', `/api/results/${r.body.id}/submit`, { token: university.token });
    await t.request('POST', `/api/results/${r.body.id}/approve`, { token: bureau.token });
    try {
      await ds.query(`DELETE FROM adoption_contract_file`);
      await ds.query(`UPDATE adoption SET contract_kind = '技术服务' WHERE contract_kind = '技术咨询'`);
      await ds.query(`DROP INDEX IF EXISTS adoption_stats_signed_idx`);
      await migration.down(runner);
      const [legacy] = await ds.query(
        `INSERT INTO adoption (result_id, result_organization_id, enterprise_id, entered_by_organization_id, contract_kind, amount_fen, signed_on,
                               contract_registration_no, status, confirmed_at, benefit)
         VALUES ($1, $2, $3, $3, '技术许可', 12345600, '2024-05-06', 'HB-2024-0001', 'confirmed', now(), '旧数据') RETURNING id`,
        [r.body.id, university.organizationId, enterprise.organizationId],
      );
      await migration.up(runner);
      await ds.query(
        `CREATE INDEX adoption_stats_signed_idx ON adoption (signed_on) INCLUDE (status, result_id, engagement_id, result_region, result_field)`,
      );
      const [after] = await ds.query(
        `SELECT contract_kind, contract_category, amount_fen, signed_on::text, contract_registration_no, status, benefit, contract_status, tech_amount_fen
           FROM adoption WHERE id = $1`,
        [legacy.id],
      );
      expect(after).toEqual({
        contract_kind: '技术许可',
        contract_category: '技术转让',
        amount_fen: '12345600',
        signed_on: '2024-05-06',
        contract_registration_no: 'HB-2024-0001',
        status: 'confirmed',
        benefit: '旧数据',
        contract_status: 'unregistered',
        tech_amount_fen: null,
      });
      const view = await t.request('GET', `/api/adoptions/${legacy.id}`);
      expect(view.body).toEqual(
        expect.objectContaining({ contractStatus: 'unregistered', contractStatusLabel: '未登记', techAmountYuan: null }),
      );
    } finally {
      await runner.release();
    }
  });
});
