/** Chinese names of the codes the API uses (the API also answers them in /api/catalog/reference). */
export const ITEM_STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  submitted: { label: '待审核', color: 'processing' },
  rejected: { label: '已驳回', color: 'error' },
  published: { label: '已发布', color: 'success' },
  closed: { label: '已关闭', color: 'default' },
};

export const ORG_KIND: Record<string, string> = {
  enterprise: '企业',
  university: '高校',
  institute: '科研院所',
  bureau: '科技局',
};

export const ORG_STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: '待认证', color: 'processing' },
  verified: { label: '已认证', color: 'success' },
  rejected: { label: '认证未通过', color: 'error' },
};

export const ENGAGEMENT_STATUS: Record<string, { label: string; color: string }> = {
  requested: { label: '待答复', color: 'processing' },
  accepted: { label: '已接受', color: 'cyan' },
  declined: { label: '已婉拒', color: 'default' },
  negotiating: { label: '洽谈中', color: 'blue' },
  deal: { label: '已成交', color: 'success' },
  abandoned: { label: '已终止', color: 'default' },
};

export const TRL_TEXT = (trl: number | null | undefined): string => (trl ? `TRL ${trl}` : '未填写');

/** Money in 万元 (the API stores yuan). */
export function wan(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return '面议';
  return `${(yuan / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`;
}

export function dateText(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

export function dayText(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
}
