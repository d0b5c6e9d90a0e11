import type { RenderedMessage } from './notification-templates';
import type { ImportSummaryEventType } from './notify-events';
import { quoteName } from './template-text.util';

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * A bulk import's summaries (one per organization): to the owners of what it published, to the
 * organizations on the other side whose items it matches, and to the bureau for what an
 * organization's import of its own list sent to review (`organizationName`: that organization's).
 * Counts, not item names: an import may concern thousands of items.
 */
export function renderImportSummary(
  type: ImportSummaryEventType,
  p: Record<string, unknown>,
  organizationName: string | null = null,
): Omit<RenderedMessage, 'link'> & { path: string } {
  if (type === 'need.import-submitted' || type === 'result.import-submitted') {
    const count = num(p.count);
    const [noun, tab] = type === 'need.import-submitted' ? ['技术需求', 'needs'] : ['科技成果', 'results'];
    return {
      title: `新导入的 ${count} 项${noun}待审核`,
      body: `单位${quoteName(organizationName)}导入了 ${count} 项${noun}待审核，请在审核队列中逐项审核。`,
      path: `/bureau/review?tab=${tab}`,
    };
  }
  if (type === 'match.import-summary') {
    const [items, own] = [num(p.items), num(p.ownItems)];
    const itemId = typeof p.itemId === 'string' && p.itemId ? p.itemId : null;
    if (p.importedType === 'need') {
      return {
        title: '您的科技成果匹配到新的技术需求',
        body: `本次新发布的 ${items} 项需求与您的成果匹配${own > 1 ? `（涉及您的 ${own} 项成果）` : ''}，欢迎查看并发起对接。`,
        path: itemId ? `/results/${itemId}/matches` : '/my/results',
      };
    }
    return {
      title: '您的技术需求有新的匹配成果',
      body: `本次新发布的 ${items} 项成果与您的需求匹配${own > 1 ? `（涉及您的 ${own} 项需求）` : ''}，欢迎查看并发起对接。`,
      path: itemId ? `/needs/${itemId}/matches` : '/my/needs',
    };
  }
  const [published, matched] = [num(p.published), num(p.matched)];
  const [what, other, path] = type === 'need.import-published' ? ['需求', '成果', '/my/needs'] : ['成果', '需求', '/my/results'];
  const follow = matched > 0 ? `，可在“我的${what}”中查看匹配的${other}并发起对接` : '';
  return {
    title: `科技局导入的 ${published} 项${type === 'need.import-published' ? '技术需求' : '科技成果'}已发布`,
    body: `本次导入的 ${published} 项${what}已发布，其中 ${matched} 项与${other}匹配${follow}。`,
    path,
  };
}
