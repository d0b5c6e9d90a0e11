import { quote, reasonText } from './template-text.util';

/** The item events that say, with `revisionId`, that they are about a revision of a published item. */
const REVISION_EVENTS = ['need.submitted', 'need.approved', 'need.rejected', 'result.submitted', 'result.approved', 'result.rejected'];

export function isRevisionEvent(type: string, payload: Record<string, unknown>): boolean {
  return REVISION_EVENTS.includes(type) && typeof payload.revisionId === 'string' && payload.revisionId !== '';
}

/**
 * A revision (修改) of a published need or result: the bureau is asked to review it; the owner
 * hears that it took effect, or why not (the published version stays as it was).
 */
export function renderRevision(
  type: string,
  p: Record<string, unknown>,
  subjectTitle: string | null,
): { title: string; body: string; path: string } {
  const need = type.startsWith('need.');
  const noun = need ? '技术需求' : '科技成果';
  const itemPath = need ? `/needs/${String(p.needId ?? '')}` : `/results/${String(p.resultId ?? '')}`;
  const s = quote(subjectTitle);
  if (type.endsWith('.submitted')) {
    return {
      title: `已发布的${noun}有修改待审核`,
      body: `已发布的${noun}${s}提交了修改，请核对修改前后的内容后通过或驳回；审核通过前公开的仍是原内容。`,
      path: `/bureau/review?tab=revisions&open=${String(p.revisionId)}`,
    };
  }
  if (type.endsWith('.approved')) {
    return {
      title: `${noun}的修改已通过审核`,
      body: `您单位对${noun}${s}的修改已通过科技局审核，公开内容已更新，平台将按新内容重新匹配。`,
      path: itemPath,
    };
  }
  return {
    title: `${noun}的修改未通过审核`,
    body: `您单位对${noun}${s}的修改未通过科技局审核，公开的仍是原内容。${reasonText(p)}可修改后重新提交。`,
    path: itemPath,
  };
}
