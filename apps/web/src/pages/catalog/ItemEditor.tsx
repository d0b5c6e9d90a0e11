import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Col, Form, Row, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { applyApiErrors, errorMessage } from '../../components/api-errors';
import { ITEM_STATUS } from '../../components/labels';
import {
  editable,
  getItem,
  getQuality,
  historyKey,
  invalidateItem,
  itemKey,
  itemPath,
  KIND_TEXT,
  latestRevision,
  ownerNote,
  proposeRevision,
  qualityKey,
  revisable,
  revisionKey,
  saveItem,
  submitItem,
  type ItemKind,
  type ItemView,
} from './ItemApi';
import ItemEditorPanel, { type SaveState } from './ItemEditorPanel';
import ItemFormFields from './ItemFormFields';
import { FIELD_MAP, toBody, toFormValues, withChanges, type ItemFormValues } from './ItemFormValues';
import ItemTheme from './ItemTheme';
import { StatusTag } from './ItemTags';

const AUTOSAVE_MS = 1500;

/**
 * Creates and edits a need or a result. The draft is saved as the user types (1.5 s after the
 * last change, once the form passes its checks): created on the first save, changed after. Each
 * save answers the API's quality check, shown beside the form; then the user submits for review.
 * A published item is edited too, but nothing is saved as the user types: the change is submitted
 * as a revision (修改) that the bureau reviews, and the public keeps seeing the published text
 * until it is approved; a pending revision is loaded into the form, to be updated.
 */
export default function ItemEditor({ kind, routeId }: { kind: ItemKind; routeId?: string }) {
  const t = KIND_TEXT[kind];
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { me } = useSession();
  const [form] = Form.useForm<ItemFormValues>();
  // A new draft keeps its id in ?draft= (same route, so the form stays mounted while typing).
  const [id, setId] = useState<string | undefined>(routeId ?? params.get('draft') ?? undefined);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const idRef = useRef(id);
  const loaded = useRef(false);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<unknown>>(Promise.resolve());

  const item = useQuery({ queryKey: itemKey(kind, id), queryFn: () => getItem(kind, id as string), enabled: !!id });
  const quality = useQuery({ queryKey: qualityKey(kind, id), queryFn: () => getQuality(kind, id as string), enabled: !!id });
  const ownItem = !item.data || item.data.organizationId === me?.organization.id;
  const revising = !!id && revisable(item.data?.status);
  const revision = useQuery({
    queryKey: revisionKey(kind, id),
    queryFn: () => latestRevision(kind, id as string),
    enabled: revising && ownItem,
  });
  const pending = revision.data?.status === 'pending' ? revision.data : null;

  useEffect(() => {
    if (item.data && !loaded.current && (!revising || !ownItem || revision.isFetched)) {
      loaded.current = true;
      form.setFieldsValue(pending ? withChanges(toFormValues(item.data), pending.changes) : toFormValues(item.data));
    }
  }, [item.data, form, revising, ownItem, revision.isFetched, pending]);
  // Another "new" link while on a new draft (?draft= gone or changed): start over with that one.
  const draftParam = params.get('draft') ?? undefined;
  useEffect(() => {
    if (routeId || draftParam === idRef.current) return;
    clearTimeout(timer.current);
    dirty.current = false;
    loaded.current = false;
    idRef.current = draftParam;
    setId(draftParam);
    setSaveState({ kind: 'idle' });
    setError(null);
    form.resetFields();
  }, [draftParam, routeId, form]);

  const ownerKind = !me || t.owners.includes(me.organization.kind);
  const canEdit = ownerKind && ownItem && (id ? editable(item.data?.status) || revising : true);
  const verified = me?.organization.status === 'verified';

  /** One save at a time, in order; a save with nothing changed since the last one is skipped. */
  const doSave = async (): Promise<ItemView | null> => {
    if (!dirty.current && idRef.current) return null;
    dirty.current = false;
    setSaveState({ kind: 'saving' });
    const values = form.getFieldsValue(true) as ItemFormValues;
    const creating = !idRef.current;
    try {
      const saved = await saveItem(kind, idRef.current, toBody(kind, values, creating));
      qc.setQueryData(itemKey(kind, saved.id), saved);
      if (saved.qualityScore !== undefined)
        qc.setQueryData(qualityKey(kind, saved.id), { score: saved.qualityScore, hints: saved.qualityHints ?? [] });
      else void qc.invalidateQueries({ queryKey: qualityKey(kind, saved.id) });
      void qc.invalidateQueries({ queryKey: historyKey(kind, saved.id) });
      void qc.invalidateQueries({ queryKey: ['my-items', kind] });
      if (creating) {
        loaded.current = true;
        idRef.current = saved.id;
        setId(saved.id);
        if (!values.region && saved.region) form.setFieldValue('region', saved.region);
        if (!routeId) setParams({ draft: saved.id }, { replace: true });
      }
      setSaveState({ kind: 'saved', at: new Date() });
      setError(null);
      return saved;
    } catch (err) {
      dirty.current = true;
      const rest = applyApiErrors(form, err, FIELD_MAP);
      setSaveState({ kind: 'failed', message: rest ?? '有字段未通过检查，请按提示修改' });
      throw err;
    }
  };
  const enqueueSave = (): Promise<ItemView | null> => {
    const next = chain.current.then(doSave);
    chain.current = next.catch(() => null);
    return next;
  };

  // Leaving the page: a change still waiting for its autosave is saved now (the API checks it as always).
  const saveRef = useRef(enqueueSave);
  saveRef.current = enqueueSave;
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (dirty.current && timer.current) void saveRef.current().catch(() => undefined);
    },
    [],
  );

  const onValuesChange = (changed: ItemFormValues) => {
    if (!canEdit) return;
    // 面议 and a price exclude each other (the API refuses both).
    if (changed.priceNegotiable) form.setFieldValue('askingPriceWan', null);
    dirty.current = true;
    setSaveState({ kind: 'dirty' });
    // A published item's change waits for the owner to submit it as a revision.
    if (revising) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      form
        .validateFields({ validateOnly: true })
        .then(() => enqueueSave().catch(() => undefined))
        .catch(() => setSaveState({ kind: 'invalid' }));
    }, AUTOSAVE_MS);
  };

  const saveDraft = async () => {
    clearTimeout(timer.current);
    setError(null);
    try {
      await form.validateFields();
    } catch {
      setSaveState({ kind: 'invalid' });
      return;
    }
    setSaving(true);
    try {
      await enqueueSave();
      message.success('草稿已保存');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const submit = async () => {
    clearTimeout(timer.current);
    setError(null);
    try {
      await form.validateFields();
    } catch {
      setError('表单中有需要修改的地方，请按字段下方的提示修改后再提交。');
      return;
    }
    setSubmitting(true);
    try {
      await enqueueSave();
      const sid = idRef.current as string;
      const done = await submitItem(kind, sid);
      qc.setQueryData(itemKey(kind, sid), done);
      await invalidateItem(qc, kind, sid);
      message.success('已提交审核，科技局审核通过后将公开发布');
      navigate(itemPath(kind, sid));
    } catch (err) {
      const rest = applyApiErrors(form, err, FIELD_MAP);
      setError(rest ?? errorMessage(err));
      if (idRef.current) void qc.invalidateQueries({ queryKey: qualityKey(kind, idRef.current) });
    } finally {
      setSubmitting(false);
    }
  };

  /** A published item: the change goes to the bureau as a revision (a second one updates it). */
  const submitRevision = async () => {
    setError(null);
    try {
      await form.validateFields();
    } catch {
      setError('表单中有需要修改的地方，请按字段下方的提示修改后再提交。');
      return;
    }
    setSubmitting(true);
    try {
      const sid = idRef.current as string;
      const values = form.getFieldsValue(true) as ItemFormValues;
      const saved = await proposeRevision(kind, sid, toBody(kind, values, false));
      dirty.current = false;
      qc.setQueryData(revisionKey(kind, sid), saved);
      void qc.invalidateQueries({ queryKey: historyKey(kind, sid) });
      message.success('修改已提交审核，科技局审核通过后公开内容随之更新');
      navigate(itemPath(kind, sid));
    } catch (err) {
      const rest = applyApiErrors(form, err, FIELD_MAP);
      setError(rest ?? errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };

  const locate = (field: string) => {
    const name = FIELD_MAP[field] ?? field;
    form.scrollToField(name, { behavior: 'smooth', block: 'center', focus: true });
  };

  if (id && item.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} aria-label="正在加载" />;
  if (id && item.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={`无法打开这条${t.noun}`}
        description={errorMessage(item.error)}
        action={<Link to={t.mine}>返回{t.myTitle}</Link>}
      />
    );

  const status = item.data?.status;
  return (
    <ItemTheme>
      <Space style={{ marginBottom: 16 }} wrap align="center">
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {revising ? `修改已发布的${t.full}` : routeId ? `编辑${t.full}` : `发布${t.full}`}
        </Typography.Title>
        {status && <StatusTag status={status} label={item.data?.statusLabel} />}
        <Link to={t.mine}>返回{t.myTitle}</Link>
        {id && <Link to={itemPath(kind, id)}>查看{t.noun}页面</Link>}
      </Space>
      {!ownItem ? (
        <Alert type="warning" showIcon title={`这条${t.noun}由其他单位发布，只有发布单位可以修改。`} style={{ marginBottom: 16 }} />
      ) : (
        !ownerKind && <Alert type="warning" showIcon title={ownerNote(kind, me?.organization.kind)} style={{ marginBottom: 16 }} />
      )}
      {status === 'rejected' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="科技局驳回了这条内容，修改后可以重新提交审核"
          description={`驳回原因：${item.data?.rejectReason ?? '未写明'}`}
        />
      )}
      {revising && ownItem && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="revision-notice"
          title={`这条${t.noun}已公开发布：修改将提交审核，科技局审核通过前公开的仍是原内容。`}
          description={
            pending
              ? '已有一份待审核的修改（已载入下方表单），再次提交将更新这份修改。'
              : '改好后点击“提交修改审核”；科技局会看到每个字段修改前后的内容。'
          }
        />
      )}
      {id && ownItem && status && !editable(status) && !revisable(status) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`当前状态为“${ITEM_STATUS[status]?.label ?? status}”，只有草稿、被驳回或已发布的${t.noun}可以修改。`}
          action={<Link to={itemPath(kind, id)}>查看{t.noun}</Link>}
        />
      )}
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} closable={{ onClose: () => setError(null) }} />
      )}
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={16}>
          <Card>
            <Form<ItemFormValues>
              form={form}
              layout="vertical"
              data-testid="item-form"
              disabled={!canEdit}
              onValuesChange={onValuesChange}
              validateTrigger={['onChange', 'onBlur']}
              scrollToFirstError
            >
              <ItemFormFields kind={kind} form={form} />
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <ItemEditorPanel
            kind={kind}
            id={id}
            quality={quality.data}
            qualityLoading={quality.isLoading && !!id}
            saveState={saveState}
            canEdit={canEdit}
            verified={verified}
            saving={saving}
            submitting={submitting}
            revising={revising}
            onSave={() => void saveDraft()}
            onSubmit={() => void (revising ? submitRevision() : submit())}
            onLocate={locate}
          />
        </Col>
      </Row>
    </ItemTheme>
  );
}
