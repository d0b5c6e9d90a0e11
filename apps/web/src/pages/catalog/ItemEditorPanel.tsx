import { Alert, Button, Card, Divider, Space, Spin, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ItemKind, QualityReport } from './ItemApi';
import { KIND_TEXT } from './ItemApi';
import { QualityHints, QualityScore } from './ItemQuality';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'invalid' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; message: string };

function saveText(kind: ItemKind, state: SaveState, hasId: boolean): { text: string; type?: 'danger' | 'warning' | 'secondary' } {
  const body = kind === 'need' ? '需求描述' : '成果简介';
  switch (state.kind) {
    case 'invalid':
      return { text: hasId ? '表单中有需要修改的地方，改好后自动保存' : `填写名称和${body}后会自动保存为草稿`, type: 'warning' };
    case 'dirty':
      return { text: '有尚未保存的修改，停止输入后自动保存…', type: 'secondary' };
    case 'saving':
      return { text: '正在保存…', type: 'secondary' };
    case 'saved':
      return { text: `草稿已自动保存（${state.at.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}）` };
    case 'failed':
      return { text: `保存失败：${state.message}`, type: 'danger' };
    default:
      return { text: hasId ? '草稿已保存；修改后会自动保存' : `填写名称和${body}后会自动保存为草稿，并给出质量评分`, type: 'secondary' };
  }
}

interface Props {
  kind: ItemKind;
  id?: string;
  quality?: QualityReport;
  qualityLoading: boolean;
  saveState: SaveState;
  canEdit: boolean;
  verified: boolean;
  saving: boolean;
  submitting: boolean;
  /** A published item: its change is submitted as a revision for the bureau, nothing is saved as a draft. */
  revising?: boolean;
  onSave(): void;
  onSubmit(): void;
  onLocate(field: string): void;
}

/** A published item's change, waiting to be submitted as a revision. */
function revisionText(state: SaveState): { text: string; type?: 'warning' | 'secondary' } {
  if (state.kind === 'dirty' || state.kind === 'invalid')
    return { text: '有尚未提交的修改：修改将提交审核，通过后才会公开。', type: 'warning' };
  return { text: '修改将提交审核：不会自动保存，改好后提交，科技局审核通过后公开内容随之更新。', type: 'secondary' };
}

/** Beside the form: the quality check of the saved draft, the autosave's state, save and submit. */
export default function ItemEditorPanel(p: Props) {
  const t = KIND_TEXT[p.kind];
  const s = p.revising ? revisionText(p.saveState) : saveText(p.kind, p.saveState, !!p.id);
  return (
    <Card title="质量检查" style={{ position: 'sticky', top: 16 }}>
      {p.quality ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <QualityScore report={p.quality} />
          <QualityHints hints={p.quality.hints} onLocate={p.canEdit ? p.onLocate : undefined} />
        </Space>
      ) : p.qualityLoading ? (
        <Spin aria-label="正在计算质量评分" />
      ) : (
        <Typography.Paragraph type="secondary">
          保存草稿后，这里显示质量评分（0–100）和修改建议。评分越高，越容易通过审核、匹配到合适的{t.other}。
        </Typography.Paragraph>
      )}
      <Divider />
      <Typography.Paragraph type={s.type} aria-live="polite" data-testid="save-state">
        {s.text}
      </Typography.Paragraph>
      {!p.verified && p.canEdit && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="本单位尚未通过科技局认证：可以保存草稿，认证通过后才能提交审核。"
          action={<Link to="/my/organization">查看单位</Link>}
        />
      )}
      {p.revising ? (
        <>
          <Button type="primary" data-testid="submit-revision" onClick={p.onSubmit} loading={p.submitting} disabled={!p.canEdit}>
            提交修改审核
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            审核期间公开的仍是原内容；通过后按新内容重新匹配{t.other}，驳回时会收到原因。
          </Typography.Paragraph>
        </>
      ) : (
        <>
          <Space wrap>
            <Button data-testid="save-draft" onClick={p.onSave} loading={p.saving} disabled={!p.canEdit || p.submitting}>
              保存草稿
            </Button>
            <Button
              type="primary"
              data-testid="submit-review"
              onClick={p.onSubmit}
              loading={p.submitting}
              disabled={!p.canEdit || p.saving}
            >
              提交审核
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            提交后由科技局审核，通过即公开发布并自动匹配{t.other}；审核期间不能修改。
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
