import { startWorker, RunningWorker } from '../apps/worker/src/bootstrap';
import { count, needBody, resultBody } from './catalog-fixtures';
import { waitFor } from './notify-support';
import { OrgSession, TestApp } from './support/test-app';

/**
 * An owner edits its published need or result: the change waits for the bureau as a revision (修改)
 * while the published version stays what everyone sees (item page, search), then takes effect on
 * approval or is turned down with a reason.
 */
describe('revisions of published items (e2e, real PostgreSQL, Meilisearch and worker)', () => {
  let t: TestApp;
  let worker: RunningWorker;
  let bureau: OrgSession;
  let university: OrgSession;
  let otherUniversity: OrgSession;
  let enterprise: OrgSession;

  beforeAll(async () => {
    t = await TestApp.start();
    worker = await startWorker(t.env.config, { relayIntervalMs: 50 });
    bureau = await t.verifiedOrg('bureau', '荆门市科学技术局');
    university = await t.verifiedOrg('university', '荆楚理工学院');
    otherUniversity = await t.verifiedOrg('university', '湖北工程学院');
    enterprise = await t.verifiedOrg('enterprise', '荆门磷化工科技有限公司');
  }, 60_000);
  afterAll(async () => {
    await worker.stop();
    await t.stop();
  });

  async function publish(kind: 'needs' | 'results', owner: OrgSession, body: Record<string, unknown>): Promise<string> {
    const created = await t.request('POST', `/api/${kind}`, { token: owner.token, body });
    expect(created.status).toBe(201);
    expect((await t.request('POST', `/api/${kind}/${created.body.id}/submit`, { token: owner.token })).status).toBe(200);
    expect((await t.request('POST', `/api/${kind}/${created.body.id}/approve`, { token: bureau.token })).status).toBe(200);
    return created.body.id;
  }
  const edit = (kind: 'needs' | 'results', id: string, body: Record<string, unknown>, who = university) =>
    t.request('PATCH', `/api/${kind}/${id}`, { token: who.token, body });
  /**
   * The title the public search holds for an item, found by `q` (undefined when not found);
   * `whileIndexing` tolerates the moments before the first index exists.
   */
  const searchedTitle = async (q: string, id: string, whileIndexing = false): Promise<string | undefined> => {
    const res = await t.request('GET', `/api/search?type=result&q=${encodeURIComponent(q)}`);
    if (res.status !== 200 && whileIndexing) return undefined;
    if (res.status !== 200) throw new Error(`search: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.items.find((i: { id: string }) => i.id === id)?.title;
  };
  const inbox = async (who: OrgSession) =>
    (await t.request('GET', '/api/notifications?pageSize=100', { token: who.token })).body.items as {
      eventType: string;
      title: string;
      body: string;
      link: string | null;
    }[];
  const pendingOf = (itemId: string) => count(t, `item_revision WHERE item_id = $1 AND status = 'pending'`, [itemId]);
  const eventsOf = (type: string, key: string, itemId: string) =>
    count(t, `outbox_event WHERE type = $1 AND payload->>$2 = $3`, [type, key, itemId]);

  describe('a published result', () => {
    let resultId: string;
    let revisionId: string;
    const oldTitle = '稀土掺杂钒酸铋光催化降解有机废水技术';
    const newTitle = '铈掺杂钒酸铋可见光催化处理印染废水技术';

    beforeAll(async () => {
      resultId = await publish('results', university, resultBody({ title: oldTitle, field: '节能环保' }));
      await waitFor(async () => (await searchedTitle(oldTitle, resultId, true)) === oldTitle, 30_000, 'the result searchable');
    }, 60_000);

    it('keeps an edit aside as a revision (202): the public view and search still show the published text', async () => {
      const res = await edit('results', resultId, { title: newTitle });
      expect(res.status).toBe(202);
      expect(res.body).toEqual(
        expect.objectContaining({
          itemType: 'result',
          itemId: resultId,
          itemTitle: oldTitle,
          status: 'pending',
          statusLabel: '待审核',
          changes: [{ field: 'title', label: '名称', from: oldTitle, to: newTitle, fromText: oldTitle, toText: newTitle }],
        }),
      );
      revisionId = res.body.id;

      // A second edit updates the same pending revision (one per item), keeping the first change.
      const again = await edit('results', resultId, { trl: 8, askingPriceYuan: 300000, priceNegotiable: false });
      expect(again.status).toBe(202);
      expect(again.body.id).toBe(revisionId);
      expect(again.body.changes).toEqual([
        expect.objectContaining({ field: 'title', to: newTitle }),
        { field: 'trl', label: '技术成熟度（TRL）', from: 6, to: 8, fromText: '6', toText: '8' },
        { field: 'askingPriceYuan', label: '转让价格', from: null, to: 300000, fromText: '（未填写）', toText: '300,000 元' },
        { field: 'priceNegotiable', label: '价格面议', from: true, to: false, fromText: '是', toText: '否' },
      ]);
      expect(await pendingOf(resultId)).toBe(1);

      for (const token of [undefined, university.token, enterprise.token]) {
        const seen = await t.request('GET', `/api/results/${resultId}`, { token });
        expect(seen.body).toEqual(expect.objectContaining({ title: oldTitle, trl: 6, status: 'published', priceNegotiable: true }));
      }
      // The bureau has been told (so the relay and the worker have run): search still has the published text.
      await waitFor(
        async () => (await inbox(bureau)).some((n) => n.title === '已发布的科技成果有修改待审核'),
        20_000,
        'the bureau told of the revision',
      );
      const told = (await inbox(bureau)).find((n) => n.title === '已发布的科技成果有修改待审核');
      expect(told?.link).toContain(`/bureau/review?tab=revisions&open=${revisionId}`);
      expect(await searchedTitle(oldTitle, resultId)).toBe(oldTitle);
      expect([undefined, oldTitle]).toContain(await searchedTitle(newTitle, resultId));
      expect(await eventsOf('result.approved', 'resultId', resultId)).toBe(1);
    }, 40_000);

    it('shows the bureau the difference field by field in its queue', async () => {
      const queue = await t.request('GET', '/api/revisions?status=pending', { token: bureau.token });
      expect(queue.status).toBe(200);
      const mine = queue.body.items.find((r: { id: string }) => r.id === revisionId);
      expect(mine).toEqual(
        expect.objectContaining({ organizationName: '荆楚理工学院', itemTypeLabel: '成果', status: 'pending', rejectReason: null }),
      );
      expect(
        mine.changes.map((c: { label: string; fromText: string; toText: string }) => `${c.label}：${c.fromText} → ${c.toText}`),
      ).toEqual([`名称：${oldTitle} → ${newTitle}`, '技术成熟度（TRL）：6 → 8', '转让价格：（未填写） → 300,000 元', '价格面议：是 → 否']);
      expect((await t.request('GET', `/api/revisions/${revisionId}`, { token: bureau.token })).body.changes).toHaveLength(4);
    });

    it('lets no other organization, and not the public, see or act on the revision', async () => {
      for (const other of [otherUniversity, enterprise]) {
        expect((await t.request('GET', `/api/revisions/${revisionId}`, { token: other.token })).status).toBe(404);
        expect((await t.request('POST', `/api/revisions/${revisionId}/withdraw`, { token: other.token })).status).toBe(404);
        expect((await t.request('POST', `/api/revisions/${revisionId}/approve`, { token: other.token })).status).toBe(403);
        const reject = await t.request('POST', `/api/revisions/${revisionId}/reject`, { token: other.token, body: { reason: '不行' } });
        expect(reject.status).toBe(403);
        const listed = await t.request('GET', '/api/revisions', { token: other.token });
        expect(listed.body).toEqual(expect.objectContaining({ items: [], total: 0 }));
        expect((await edit('results', resultId, { title: '他人改名' }, other)).status).toBe(404);
        expect((await t.request('GET', `/api/results/${resultId}/history`, { token: other.token })).status).toBe(404);
      }
      expect((await t.request('GET', `/api/revisions/${revisionId}`)).status).toBe(401);
      expect((await t.request('GET', '/api/revisions')).status).toBe(401);
      // The bureau reviews; it does not withdraw the owner's change.
      expect((await t.request('POST', `/api/revisions/${revisionId}/withdraw`, { token: bureau.token })).status).toBe(404);
      const still = await t.request('GET', `/api/revisions/${revisionId}`, { token: university.token });
      expect(still.body.status).toBe('pending');
      const own = await t.request('GET', `/api/revisions?itemId=${resultId}&status=pending`, { token: university.token });
      expect(own.body.items.map((r: { id: string }) => r.id)).toEqual([revisionId]);
    });

    it('refuses bad input with a 400 naming the field, and changes nothing', async () => {
      const before = (await t.request('GET', `/api/revisions/${revisionId}`, { token: university.token })).body;
      const cases: [Record<string, unknown>, string][] = [
        [{ trl: 12 }, 'trl'],
        [{ title: '' }, 'title'],
        [{ askingPriceYuan: 1000, priceNegotiable: true }, 'askingPriceYuan'],
        [{ field: null }, 'field'],
        [{ summary: null }, 'summary'],
      ];
      for (const [body, field] of cases) {
        const res = await edit('results', resultId, body);
        expect({ status: res.status, fields: res.body.details?.map((d: { field: string }) => d.field) }).toEqual({
          status: 400,
          fields: expect.arrayContaining([field]),
        });
      }
      const after = (await t.request('GET', `/api/revisions/${revisionId}`, { token: university.token })).body;
      expect(after).toEqual(before);
      expect(await pendingOf(resultId)).toBe(1);
      expect((await t.request('GET', `/api/results/${resultId}`)).body.title).toBe(oldTitle);
    });

    it('applies an approved revision: the public view, search and history follow, and the owner is told', async () => {
      const approved = await t.request('POST', `/api/revisions/${revisionId}/approve`, { token: bureau.token });
      expect(approved.status).toBe(200);
      expect(approved.body).toEqual(expect.objectContaining({ status: 'approved', statusLabel: '已通过', decidedAt: expect.any(String) }));
      // A decided revision still shows what it replaced.
      expect(approved.body.changes[0]).toEqual(expect.objectContaining({ from: oldTitle, to: newTitle }));

      const pub = await t.request('GET', `/api/results/${resultId}`);
      expect(pub.body).toEqual(
        expect.objectContaining({ title: newTitle, trl: 8, askingPriceYuan: 300000, priceNegotiable: false, status: 'published' }),
      );
      await waitFor(async () => (await searchedTitle(newTitle, resultId)) === newTitle, 20_000, 'the new title searchable');
      await waitFor(
        async () => (await inbox(university)).some((n) => n.title === '科技成果的修改已通过审核'),
        20_000,
        'the owner told of the approval',
      );

      const history = (await t.request('GET', `/api/results/${resultId}/history`, { token: university.token })).body;
      expect(history.map((h: { actionLabel: string }) => h.actionLabel)).toEqual([
        '创建',
        '提交审核',
        '审核通过并发布',
        '提交修改（待科技局审核）',
        '更新待审核的修改',
        '修改审核通过并生效',
      ]);
      expect(history[5]).toEqual(
        expect.objectContaining({
          fromLabel: '待审核',
          toLabel: '已通过',
          actorOrganizationName: '荆门市科学技术局',
          data: expect.objectContaining({ revisionId, fields: ['title', 'trl', 'askingPriceYuan', 'priceNegotiable'] }),
        }),
      );
      const twice = await t.request('POST', `/api/revisions/${revisionId}/approve`, { token: bureau.token });
      expect(twice.status).toBe(409);
      expect(twice.body.message).toBe('已通过的修改不能审核通过（仅限：待审核）');
    }, 60_000);

    it('rejects a revision with a reason: the owner is told why, the published version stays', async () => {
      const summary = `${(await t.request('GET', `/api/results/${resultId}`)).body.summary}另附第三方检测报告。`;
      const proposed = await edit('results', resultId, { summary });
      expect(proposed.status).toBe(202);
      const id = proposed.body.id;
      expect(id).not.toBe(revisionId);

      const noReason = await t.request('POST', `/api/revisions/${id}/reject`, { token: bureau.token, body: {} });
      expect(noReason.status).toBe(400);
      expect(noReason.body.details[0].field).toBe('reason');
      const rejected = await t.request('POST', `/api/revisions/${id}/reject`, {
        token: bureau.token,
        body: { reason: '检测报告未上传，请补充后再提交' },
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toEqual(expect.objectContaining({ status: 'rejected', rejectReason: '检测报告未上传，请补充后再提交' }));

      const pub = await t.request('GET', `/api/results/${resultId}`);
      expect(pub.body.summary).not.toContain('第三方检测报告');
      expect(pub.body.status).toBe('published');
      const told = await waitFor(
        async () => (await inbox(university)).find((n) => n.title === '科技成果的修改未通过审核'),
        20_000,
        'the owner told of the rejection',
      );
      expect(told?.body).toContain('原因：检测报告未上传，请补充后再提交。');
      expect(told?.link).toContain(`/results/${resultId}`);
      expect(await eventsOf('result.rejected', 'revisionId', id)).toBe(1);
      expect(await pendingOf(resultId)).toBe(0);
    }, 40_000);

    it('lets the owner withdraw a pending revision; an unchanged edit is refused', async () => {
      const same = await edit('results', resultId, { title: newTitle });
      expect(same.status).toBe(400);
      expect(same.body.message).toBe('修改后的内容与已发布的成果相同，无需提交审核');
      const proposed = await edit('results', resultId, { teamLead: '陈教授' });
      expect(proposed.status).toBe(202);
      const withdrawn = await t.request('POST', `/api/revisions/${proposed.body.id}/withdraw`, { token: university.token });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.status).toBe('withdrawn');
      expect((await t.request('GET', `/api/results/${resultId}`, { token: university.token })).body.teamLead).toBe('李教授');
      expect((await t.request('POST', `/api/revisions/${proposed.body.id}/approve`, { token: bureau.token })).status).toBe(409);
    });
  });

  describe('a published need', () => {
    it('shows budgets in yuan, still edits a draft in place, and lets a pending revision lapse when the need is closed', async () => {
      const draft = await t.request('POST', '/api/needs', { token: enterprise.token, body: needBody() });
      const inPlace = await edit('needs', draft.body.id, { trl: 7 }, enterprise);
      expect(inPlace.status).toBe(200);
      expect(inPlace.body).toEqual(expect.objectContaining({ status: 'draft', trl: 7 }));

      const needId = await publish('needs', enterprise, needBody());
      const res = await edit('needs', needId, { budgetMaxYuan: 3000000, contactPhone: '0724-7654321' }, enterprise);
      expect(res.status).toBe(202);
      expect(res.body.changes).toEqual([
        { field: 'budgetMaxYuan', label: '预算上限', from: 2000000, to: 3000000, fromText: '2,000,000 元', toText: '3,000,000 元' },
        expect.objectContaining({ field: 'contactPhone', from: '0724-2345678', to: '0724-7654321' }),
      ]);
      // Checked as the need would read once approved: a budget upside down is refused.
      const upside = await edit('needs', needId, { budgetMinYuan: 5000000 }, enterprise);
      expect(upside.status).toBe(400);
      expect(upside.body.details[0].field).toBe('budgetMaxYuan');

      const closed = await t.request('POST', `/api/needs/${needId}/close`, { token: enterprise.token, body: { reason: '已解决' } });
      expect(closed.status).toBe(200);
      const lapsed = await t.request('GET', `/api/revisions/${res.body.id}`, { token: enterprise.token });
      expect(lapsed.body).toEqual(expect.objectContaining({ status: 'withdrawn' }));
      expect(await pendingOf(needId)).toBe(0);
      // A submitted or closed item is still not editable.
      expect((await edit('needs', needId, { trl: 5 }, enterprise)).status).toBe(409);
    });
  });
});
