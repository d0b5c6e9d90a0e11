import { escapeHtml } from '@app/core';
import type { RenderedMessage } from './notification-templates';

/** Plain text and HTML bodies of one notification e-mail (Chinese, with the item's link). */
export function emailBodies(m: RenderedMessage): { subject: string; text: string; html: string } {
  const footer = m.security
    ? '此邮件由科技成果转化供需对接平台自动发送，请勿直接回复。这是账号安全邮件，不受“通知设置”影响。'
    : '此邮件由科技成果转化供需对接平台自动发送，请勿直接回复。可在平台“通知设置”中调整接收方式。';
  const action = m.security?.action ?? '查看详情';
  const text = [m.body, m.link ? `${action}：${m.link}` : '', '', footer].filter((l, i) => l || i > 1).join('\n');
  const paragraphs = m.body
    .split('\n')
    .map((l) => `<p style="margin:0 0 8px">${escapeHtml(l)}</p>`)
    .join('');
  const button = m.link
    ? `<p><a href="${escapeHtml(m.link)}" style="display:inline-block;padding:8px 16px;background:#1d4ed8;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(action)}</a></p>`
    : '';
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(m.title)}</title></head><body style="font-family:'PingFang SC','Microsoft YaHei',sans-serif;color:#111"><h2 style="font-size:18px">${escapeHtml(m.title)}</h2>${paragraphs}${button}<hr><p style="color:#666;font-size:12px">${escapeHtml(footer)}</p></body></html>`;
  return { subject: `【科技成果转化平台】${m.title}`, text, html };
}
