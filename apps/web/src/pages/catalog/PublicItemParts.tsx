import { ApartmentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { ApiRequestError } from '../../api/client';
import type { components } from '../../api/schema';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/api-errors';
import { dateText, ITEM_STATUS } from '../../components/labels';
import PublicEngageButton from './PublicEngageButton';
import PublicTheme from './PublicTheme';

type Contact = components['schemas']['ContactViewDto'];

/** A 404 (or an id that is no id at all) reads as "not there, or not yours to see". */
export function isMissing(err: unknown): boolean {
  return err instanceof ApiRequestError && (err.body.statusCode === 404 || err.body.statusCode === 400);
}

/** What a detail page shows while loading, when the item is missing, or when the API failed. */
export function PublicItemState(props: { what: string; error: unknown; onRetry: () => void }) {
  return (
    <PublicTheme>
      <ItemState {...props} />
    </PublicTheme>
  );
}

function ItemState({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  const navigate = useNavigate();
  if (!error) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (isMissing(error)) {
    return (
      <Result
        status="404"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>该{what}不存在或无权查看</h1>}
        subTitle={`可能已被删除、尚未发布，或仅对发布单位可见。可以通过搜索查找其他${what}。`}
        extra={
          <Flex gap={8} justify="center">
            <Button type="primary" onClick={() => navigate(`/search?type=${what === '技术需求' ? 'need' : 'result'}`)}>
              搜索{what}
            </Button>
            <Button onClick={() => navigate('/')}>返回首页</Button>
          </Flex>
        }
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title={`${what}加载失败`}
      description={errorMessage(error)}
      action={
        <Button size="small" onClick={onRetry}>
          重试
        </Button>
      }
    />
  );
}

/** The page's heading, with the item's state when it is not simply published. */
export function PublicItemHeading({ kindText, title, status }: { kindText: string; title: string; status: string }) {
  const s = ITEM_STATUS[status];
  return (
    <Flex vertical gap={4} style={{ marginBottom: 16 }}>
      <Typography.Text style={{ color: 'rgba(0,0,0,0.65)' }}>{kindText}</Typography.Text>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {title}
        {s && status !== 'published' && (
          <Tag color={s.color} style={{ marginLeft: 12, verticalAlign: 'middle' }}>
            {s.label}
          </Tag>
        )}
      </Typography.Title>
    </Flex>
  );
}

/** Contacts where the API gives them (the publisher, the bureau); otherwise how to reach them. */
export function PublicContact({ contact }: { contact?: Contact }) {
  const has = contact && (contact.name || contact.phone || contact.email);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>联系方式</h2>} size="small" style={{ marginTop: 16 }}>
      {has ? (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 3 }}
          items={[
            { key: 'name', label: '联系人', children: contact.name ?? '—' },
            { key: 'phone', label: '联系电话', children: contact.phone ?? '—' },
            { key: 'email', label: '联系邮箱', children: contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : '—' },
          ]}
        />
      ) : (
        <Typography.Paragraph style={{ margin: 0 }} data-testid="contact-hidden-note">
          联系方式仅对发布单位和对接双方可见，登录并发起对接后可见
        </Typography.Paragraph>
      )}
    </Card>
  );
}

interface ActionsProps {
  kind: 'need' | 'result';
  id: string;
  title: string;
  organizationId: string;
  status: string;
}

/** 查看匹配 for the publisher; 发起对接 for other signed-in, verified organizations (not the bureau). */
export function PublicItemActions({ kind, id, title, organizationId, status }: ActionsProps) {
  const { ready, me, isBureau } = useSession();
  const location = useLocation();
  if (!ready) return null;
  const owner = !!me && me.organization.id === organizationId;
  const actions: ReactNode[] = [];
  if (owner)
    actions.push(
      <Link
        key="matches"
        to={`/${kind === 'need' ? 'needs' : 'results'}/${id}/matches`}
        data-testid="matches-link"
        style={{ fontSize: 15 }}
      >
        <ApartmentOutlined aria-hidden /> 查看匹配
      </Link>,
    );
  if (status === 'published' && !owner && !isBureau) {
    if (!me)
      actions.push(
        <Link key="login" to={`/login?next=${encodeURIComponent(location.pathname)}`}>
          登录后发起对接
        </Link>,
      );
    else if (me.organization.status !== 'verified')
      actions.push(
        <Typography.Text key="pending" style={{ color: 'rgba(0,0,0,0.65)' }}>
          本单位通过科技局认证后可发起对接
        </Typography.Text>,
      );
    else actions.push(<PublicEngageButton key="engage" kind={kind} id={id} title={title} />);
  }
  if (!actions.length) return null;
  return (
    <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
      {actions}
    </Flex>
  );
}

/** Published / last-changed dates under the details. */
export function PublicDates({ publishedAt, updatedAt }: { publishedAt: string | null; updatedAt: string }) {
  return (
    <Flex gap={24} wrap style={{ color: 'rgba(0,0,0,0.65)', marginTop: 12, marginBottom: 16 }}>
      <span>发布时间：{dateText(publishedAt)}</span>
      <span>最后修改：{dateText(updatedAt)}</span>
    </Flex>
  );
}
