import type { DataSource } from 'typeorm';

/**
 * A small city whose figures were counted by hand (the expected values in stats.e2e-spec.ts), in
 * two periods — 2025 Q1 and Q2 (Beijing time) — and two counties, 钟祥市 and 京山市, plus the city
 * itself (荆门市, "市本级") and a place outside it (武汉市) that must never count. Rows are written
 * with their dates directly: the API would stamp them with today.
 *
 * Organizations (verified at):  E1 企业 钟祥市 2024-12-01 · E2 企业 京山市 2025-02-10 · E3 企业 钟祥市 2025-05-05
 *   U1 高校 东宝区 2024-06-01 · I1 院所 京山市 2025-04-20 · X1 企业 武汉市 2024-01-01
 * Results (owner, place, field, published, closed):
 *   R1 U1 钟祥 新材料 01-15 · R2 U1 钟祥 生物医药 02-20 closed 05-10 · R3 I1 京山 新材料 03-05 · R4 U1 京山 新材料 04-12
 *   R5 U1 钟祥 新材料 05-18 · R6 U1 荆门市 磷化工 06-01 · R7 U1 武汉 新材料 02-01 · R8 U1 钟祥 新材料 2024-11-11 closed 02-15
 *   R9 I1 京山 draft · R10 U1 京山 新材料 04-01 00:30 (03-31 16:30 UTC: Q2 in Beijing) · R11 U1 钟祥 生物医药 06-20
 * Needs: N1 E1 钟祥 新材料 02-10 · N2 E2 京山 新材料 03-01 closed 06-15 · N3 E1 钟祥 磷化工 05-01 · N4 E2 京山 生物医药 05-20
 *   N5 X1 武汉 新材料 02-02 · N6 E3 钟祥 新材料 06-10
 * Matches (need, created): M1 N1 02-12 · M2 N1 02-15 · M3 N2 03-10 · M4 N3 05-03 · M5 N4 05-22 · M6 N4 06-02 · M7 N5 02-03
 *   M8 N6 06-12 · M9 N3 06-05
 * Engagements (need/result, created → answered, status): G1 N1/R1 02-13 +6 h deal(A1) · G2 N1/R3 02-20 +30 h declined
 *   G3 N2/R3 03-12 unanswered · G4 N3/R5 05-04 +24 h negotiating · G5 N4/R4 05-23 +2 h deal(A4) · G6 —/R5 06-03 +4 h deal(A5)
 *   G7 N5/R7 02-05 (武汉)
 * Adoptions (result, buyer, kind, amount/技术交易额 in yuan, signed, adoption status, contract, registered):
 *   A1 R1 E1 技术转让 1,000,000/800,000 02-14 confirmed certified 03-01 · A2 R3 E2 技术开发 500,000/500,000 03-15 confirmed certified 03-20
 *   A3 R2 E1 技术许可 300,000/200,000 03-25 confirmed certified 04-02 · A4 R4 E2 技术服务 400,000/300,000 05-23 confirmed certified 05-30
 *   A5 R5 E3 技术咨询 250,000/250,000 06-03 pending submitted · A6 R6 X1 技术开发 900,000/900,000 05-01 confirmed certified 05-10 (buyer outside)
 *   A7 R4 E1 作价投资 2,000,000/1,500,000 06-10 confirmed certified 06-20 · A8 R1 E2 技术服务 100,000/— 01-20 confirmed unregistered
 *   A9 R8 E1 技术开发 1,000,000/1,000,000 2024-11-20 confirmed certified 2024-12-01
 * Challenges (field, co-funder, published, finalized, status): C1 新材料 E1 02-01 03-20 in_progress (U1 awarded 1,000,000, I1 declined,
 *   E2 draft; milestones 400,000 accepted 05-15 and 600,000 pending) · C2 生物医药 E2 04-10 06-01 completed 06-25 (U1 awarded 500,000,
 *   I1 withdrawn; milestone 500,000 accepted 06-20) · C3 磷化工 none 03-15 04-05 failed 06-28 (I1 awarded 300,000)
 */
export interface StatsFixture {
  orgs: Record<'E1' | 'E2' | 'E3' | 'U1' | 'I1' | 'X1', string>;
}

const at = (day: string, time = '12:00'): string => `${day} ${time}+08`;

export async function seedStatsFixture(ds: DataSource): Promise<StatsFixture> {
  const one = async (sql: string, params: unknown[]): Promise<string> => (await ds.query(`${sql} RETURNING id`, params))[0].id;

  const org = (name: string, kind: string, region: string, verifiedOn: string, code: string | null) =>
    one(
      `INSERT INTO organization (name, kind, region, status, verified_at, credit_code, created_at) VALUES ($1, $2, $3, 'verified', $4, $5, $4)`,
      [name, kind, region, at(verifiedOn), code],
    );
  const orgs = {
    E1: await org('钟祥统计测试企业甲', 'enterprise', '钟祥市', '2024-12-01', 'STATSFIXTURE00001'),
    E2: await org('京山统计测试企业乙', 'enterprise', '京山市', '2025-02-10', 'STATSFIXTURE00002'),
    E3: await org('钟祥统计测试企业丙', 'enterprise', '钟祥市', '2025-05-05', 'STATSFIXTURE00003'),
    U1: await org('东宝统计测试大学', 'university', '东宝区', '2024-06-01', null),
    I1: await org('京山统计测试研究院', 'institute', '京山市', '2025-04-20', null),
    X1: await org('武汉统计测试企业', 'enterprise', '武汉市', '2024-01-01', 'STATSFIXTURE00004'),
  };

  const item = (
    table: 'need' | 'result',
    title: string,
    owner: string,
    region: string,
    field: string,
    published: string | null,
    closed: string | null = null,
  ) => {
    const status = closed ? 'closed' : published ? 'published' : 'draft';
    const text = table === 'need' ? 'description' : 'summary';
    return one(
      `INSERT INTO ${table} (organization_id, title, ${text}, field, region, status, submitted_at, published_at, closed_at, created_at)
       VALUES ($1, $2, '统计测试用的说明文字', $3, $4, $5, $6, $6, $7, coalesce($6, now()))`,
      [owner, title, field, region, status, published, closed],
    );
  };
  const R = {
    R1: await item('result', '统计成果一', orgs.U1, '钟祥市', '新材料', at('2025-01-15')),
    R2: await item('result', '统计成果二', orgs.U1, '钟祥市', '生物医药', at('2025-02-20'), at('2025-05-10')),
    R3: await item('result', '统计成果三', orgs.I1, '京山市', '新材料', at('2025-03-05')),
    R4: await item('result', '统计成果四', orgs.U1, '京山市', '新材料', at('2025-04-12')),
    R5: await item('result', '统计成果五', orgs.U1, '钟祥市', '新材料', at('2025-05-18')),
    R6: await item('result', '统计成果六', orgs.U1, '荆门市', '磷化工', at('2025-06-01')),
    R7: await item('result', '统计成果七', orgs.U1, '武汉市', '新材料', at('2025-02-01')),
    R8: await item('result', '统计成果八', orgs.U1, '钟祥市', '新材料', at('2024-11-11'), at('2025-02-15')),
    R9: await item('result', '统计成果九', orgs.I1, '京山市', '生物医药', null),
    R10: await item('result', '统计成果十', orgs.U1, '京山市', '新材料', at('2025-04-01', '00:30')),
    R11: await item('result', '统计成果十一', orgs.U1, '钟祥市', '生物医药', at('2025-06-20')),
  };
  const N = {
    N1: await item('need', '统计需求一', orgs.E1, '钟祥市', '新材料', at('2025-02-10')),
    N2: await item('need', '统计需求二', orgs.E2, '京山市', '新材料', at('2025-03-01'), at('2025-06-15')),
    N3: await item('need', '统计需求三', orgs.E1, '钟祥市', '磷化工', at('2025-05-01')),
    N4: await item('need', '统计需求四', orgs.E2, '京山市', '生物医药', at('2025-05-20')),
    N5: await item('need', '统计需求五', orgs.X1, '武汉市', '新材料', at('2025-02-02')),
    N6: await item('need', '统计需求六', orgs.E3, '钟祥市', '新材料', at('2025-06-10')),
  };

  const match = (need: string, needOrg: string, result: string, created: string) =>
    one(
      `INSERT INTO match (need_id, result_id, need_organization_id, result_organization_id, score, text_score, reasons, computed_at, created_at)
       VALUES ($1, $2, $3, $4, 60, 50, '{"terms":[],"factors":{}}', $5, $5)`,
      [need, result, needOrg, orgs.U1, at(created)],
    );
  await match(N.N1, orgs.E1, R.R1, '2025-02-12');
  await match(N.N1, orgs.E1, R.R5, '2025-02-15');
  await match(N.N2, orgs.E2, R.R3, '2025-03-10');
  await match(N.N3, orgs.E1, R.R5, '2025-05-03');
  await match(N.N4, orgs.E2, R.R4, '2025-05-22');
  await match(N.N4, orgs.E2, R.R1, '2025-06-02');
  await match(N.N5, orgs.X1, R.R7, '2025-02-03');
  await match(N.N6, orgs.E3, R.R5, '2025-06-12');
  await match(N.N3, orgs.E1, R.R6, '2025-06-05');

  const adoption = (
    result: string,
    resultOrg: string,
    buyer: string,
    kind: string,
    amount: number,
    tech: number | null,
    signed: string,
    status: 'confirmed' | 'pending',
    contract: 'certified' | 'submitted' | 'unregistered',
    registered: string | null,
    no: string | null,
  ) =>
    one(
      `INSERT INTO adoption (result_id, result_organization_id, enterprise_id, entered_by_organization_id, contract_kind, amount_fen,
                             tech_amount_fen, signed_on, status, confirmed_at, contract_status, contract_submitted_at, registered_on,
                             certified_at, contract_registration_no)
       VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8, CASE WHEN $8 = 'confirmed' THEN $7::date END, $9,
               CASE WHEN $9 <> 'unregistered' THEN $7::date END, $10, $10::date, $11)`,
      [result, resultOrg, buyer, kind, amount * 100, tech === null ? null : tech * 100, signed, status, contract, registered, no],
    );
  const A = {
    A1: await adoption(
      R.R1,
      orgs.U1,
      orgs.E1,
      '技术转让',
      1_000_000,
      800_000,
      '2025-02-14',
      'confirmed',
      'certified',
      '2025-03-01',
      '2025420800000001',
    ),
    A2: await adoption(
      R.R3,
      orgs.I1,
      orgs.E2,
      '技术开发',
      500_000,
      500_000,
      '2025-03-15',
      'confirmed',
      'certified',
      '2025-03-20',
      '2025420800000002',
    ),
    A3: await adoption(
      R.R2,
      orgs.U1,
      orgs.E1,
      '技术许可',
      300_000,
      200_000,
      '2025-03-25',
      'confirmed',
      'certified',
      '2025-04-02',
      '2025420800000003',
    ),
    A4: await adoption(
      R.R4,
      orgs.U1,
      orgs.E2,
      '技术服务',
      400_000,
      300_000,
      '2025-05-23',
      'confirmed',
      'certified',
      '2025-05-30',
      '2025420800000004',
    ),
    A5: await adoption(R.R5, orgs.U1, orgs.E3, '技术咨询', 250_000, 250_000, '2025-06-03', 'pending', 'submitted', null, null),
    A6: await adoption(
      R.R6,
      orgs.U1,
      orgs.X1,
      '技术开发',
      900_000,
      900_000,
      '2025-05-01',
      'confirmed',
      'certified',
      '2025-05-10',
      '2025420100000005',
    ),
    A7: await adoption(
      R.R4,
      orgs.U1,
      orgs.E1,
      '作价投资',
      2_000_000,
      1_500_000,
      '2025-06-10',
      'confirmed',
      'certified',
      '2025-06-20',
      '2025420800000006',
    ),
    A8: await adoption(R.R1, orgs.U1, orgs.E2, '技术服务', 100_000, null, '2025-01-20', 'confirmed', 'unregistered', null, null),
    A9: await adoption(
      R.R8,
      orgs.U1,
      orgs.E1,
      '技术开发',
      1_000_000,
      1_000_000,
      '2024-11-20',
      'confirmed',
      'certified',
      '2024-12-01',
      '2024420800000007',
    ),
  };

  const engagement = (
    need: string | null,
    result: string,
    requester: string,
    receiver: string,
    created: string,
    answeredAfterHours: number | null,
    status: string,
    adoptionId: string | null,
  ) =>
    ds.query(
      `INSERT INTO engagement (need_id, result_id, requester_organization_id, requester_user_id, receiver_organization_id, message, status,
                               responded_at, adoption_id, created_at, updated_at)
       VALUES ($1, $2, $3, gen_random_uuid(), $4, '统计测试', $5, $6::timestamptz + make_interval(hours => $7), $8, $6, $6)`,
      [need, result, requester, receiver, status, at(created, '09:00'), answeredAfterHours, adoptionId],
    );
  // responded_at = created + hours (NULL hours: unanswered).
  await engagement(N.N1, R.R1, orgs.E1, orgs.U1, '2025-02-13', 6, 'deal', A.A1);
  await engagement(N.N1, R.R3, orgs.E1, orgs.I1, '2025-02-20', 30, 'declined', null);
  await engagement(N.N2, R.R3, orgs.E2, orgs.I1, '2025-03-12', null, 'requested', null);
  await engagement(N.N3, R.R5, orgs.E1, orgs.U1, '2025-05-04', 24, 'negotiating', null);
  await engagement(N.N4, R.R4, orgs.E2, orgs.U1, '2025-05-23', 2, 'deal', A.A4);
  await engagement(null, R.R5, orgs.E3, orgs.U1, '2025-06-03', 4, 'deal', A.A5);
  await engagement(N.N5, R.R7, orgs.X1, orgs.U1, '2025-02-05', 1, 'accepted', null);
  await ds.query(`UPDATE adoption SET engagement_id = e.id FROM engagement e WHERE e.adoption_id = adoption.id`);

  const challenge = (
    title: string,
    field: string,
    coFunder: string | null,
    published: string,
    finalized: string,
    status: string,
    completed: string | null,
    updated: string,
  ) =>
    one(
      `INSERT INTO challenge (title, background, field, objectives, budget_cap_fen, co_funder_organization_id, opens_at, closes_at,
                              duration_months, eligible_kinds, deliverables, criteria, status, published_at, finalized_at, completed_at,
                              created_at, updated_at)
       VALUES ($1, '统计测试', $2, '[]', 500000000, $3, $4, $4::timestamptz + interval '30 days', 12, '{university,institute}', '成果', '[]',
               $5, $4, $6, $7, $4, $8)`,
      [title, field, coFunder, at(published), status, at(finalized), completed && at(completed), at(updated)],
    );
  const C1 = await challenge('统计榜单一', '新材料', orgs.E1, '2025-02-01', '2025-03-20', 'in_progress', null, '2025-03-20');
  const C2 = await challenge('统计榜单二', '生物医药', orgs.E2, '2025-04-10', '2025-06-01', 'completed', '2025-06-25', '2025-06-25');
  const C3 = await challenge('统计榜单三', '磷化工', null, '2025-03-15', '2025-04-05', 'failed', null, '2025-06-28');
  const proposal = (c: string, o: string, status: string, awarded: number | null, submitted: string | null) =>
    one(
      `INSERT INTO proposal (challenge_id, organization_id, leader_name, approach, requested_budget_fen, status, awarded_budget_fen, submitted_at)
       VALUES ($1, $2, '张教授', '技术路线', 100000000, $3, $4, $5)`,
      [c, o, status, awarded === null ? null : awarded * 100, submitted && at(submitted)],
    );
  const p1 = await proposal(C1, orgs.U1, 'awarded', 1_000_000, '2025-02-10');
  await proposal(C1, orgs.I1, 'declined', null, '2025-02-15');
  await proposal(C1, orgs.E2, 'draft', null, null);
  const p2 = await proposal(C2, orgs.U1, 'awarded', 500_000, '2025-04-20');
  await proposal(C2, orgs.I1, 'withdrawn', null, null);
  await proposal(C3, orgs.I1, 'awarded', 300_000, '2025-03-20');
  const milestone = (c: string, p: string, seq: number, amount: number, status: string, accepted: string | null) =>
    ds.query(
      `INSERT INTO milestone (challenge_id, proposal_id, seq, title, deliverable, due_date, fund_share_pct, amount_fen, status, accepted_at)
       VALUES ($1, $2, $3, '阶段', '成果', '2025-12-31', 50, $4, $5, $6)`,
      [c, p, seq, amount * 100, status, accepted && at(accepted)],
    );
  await milestone(C1, p1, 1, 400_000, 'accepted', '2025-05-15');
  await milestone(C1, p1, 2, 600_000, 'pending', null);
  await milestone(C2, p2, 1, 500_000, 'accepted', '2025-06-20');
  return { orgs };
}
