import { Alert, Card, Descriptions, Typography } from 'antd';
import type { StepsProps } from 'antd';
import { dateText } from '../../components/labels';
import { type Engagement, MUTED } from './EngagementParts';

type StepItem = NonNullable<StepsProps['items']>[number];

const at = (iso: string | null | undefined) => (iso ? <span style={MUTED}>{dateText(iso)}</span> : undefined);

/**
 * 发起 → 答复 → 洽谈 → 成交 (or 婉拒 / 终止). The API records the request's and the answer's times;
 * a deal's time is its adoption's registration.
 */
export function engagementSteps(e: Engagement, dealAt: string | null): StepItem[] {
  const requested: StepItem = { title: '发起请求', status: 'finish', content: at(e.createdAt) };
  const answered = e.respondedAt !== null;
  switch (e.status) {
    case 'requested':
      return [requested, { title: '等待答复', status: 'process' }, { title: '洽谈', status: 'wait' }, { title: '成交', status: 'wait' }];
    case 'declined':
      return [requested, { title: '已婉拒', status: 'error', content: at(e.respondedAt) }];
    case 'accepted':
      return [
        requested,
        { title: '已接受', status: 'finish', content: at(e.respondedAt) },
        { title: '洽谈', status: 'wait' },
        { title: '成交', status: 'wait' },
      ];
    case 'negotiating':
      return [
        requested,
        { title: '已接受', status: 'finish', content: at(e.respondedAt) },
        { title: '洽谈中', status: 'process' },
        { title: '成交', status: 'wait' },
      ];
    case 'deal':
      return [
        requested,
        { title: '已接受', status: 'finish', content: at(e.respondedAt) },
        { title: '洽谈', status: 'finish' },
        { title: '已成交', status: 'finish', content: at(dealAt) },
      ];
    case 'abandoned':
      return [
        requested,
        ...(answered ? [{ title: '已接受', status: 'finish', content: at(e.respondedAt) } as StepItem] : []),
        { title: '已终止', status: 'error' },
      ];
    default:
      return [requested];
  }
}

/** The other side's contact, which the API returns only once the request is accepted. */
export function EngagementContacts({ engagement: e, side }: { engagement: Engagement; side: 'requester' | 'receiver' | null }) {
  if (side === null) return null;
  const c = e.counterpartContact;
  if (!c) {
    if (e.status !== 'requested') return null;
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={side === 'requester' ? '对方接受对接请求后，您可以在这里看到对方的联系人。' : '接受对接请求后，双方可以看到彼此的联系人。'}
      />
    );
  }
  return (
    <Card title="对方联系人" style={{ marginBottom: 16 }} data-testid="engagement-contacts">
      <Descriptions
        column={{ xs: 1, md: 3 }}
        styles={{ label: MUTED }}
        items={[
          { key: 'name', label: '联系人', children: c.name ?? '未填写' },
          {
            key: 'phone',
            label: '电话',
            children: c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : '未填写',
          },
          {
            key: 'email',
            label: '电子邮箱',
            children: c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '未填写',
          },
        ]}
      />
      <Typography.Paragraph style={{ ...MUTED, marginBottom: 0 }}>联系方式仅供本次对接使用，请妥善保管。</Typography.Paragraph>
    </Card>
  );
}
