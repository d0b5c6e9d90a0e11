import { BellOutlined, DownOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { useSession } from '../auth/session';

const { Header, Content, Footer } = Layout;

const PUBLIC_MENU: MenuProps['items'] = [
  { key: '/', label: <Link to="/">首页</Link> },
  { key: '/search?type=result', label: <Link to="/search?type=result">找成果</Link> },
  { key: '/search?type=need', label: <Link to="/search?type=need">找需求</Link> },
  { key: '/challenges', label: <Link to="/challenges">揭榜挂帅</Link> },
];

const WORK_MENU: MenuProps['items'] = [
  { key: '/my/needs', label: <Link to="/my/needs">我的需求</Link> },
  { key: '/my/results', label: <Link to="/my/results">我的成果</Link> },
  { key: '/engagements', label: <Link to="/engagements">对接</Link> },
  { key: '/my/adoptions', label: <Link to="/my/adoptions">成果转化应用</Link> },
  { type: 'divider' },
  { key: '/my/organization', label: <Link to="/my/organization">本单位</Link> },
  { key: '/notifications/preferences', label: <Link to="/notifications/preferences">通知设置</Link> },
  { key: '/webhooks', label: <Link to="/webhooks">Webhook</Link> },
];

/** Bull Board reads a short-lived cookie that the API sets for the bureau: ask for it, then open the board. */
function QueueDashboardLink() {
  return (
    <a
      href="/api/admin/queues"
      onClick={async (e) => {
        e.preventDefault();
        await api.POST('/api/admin/queues-session');
        window.location.assign('/api/admin/queues');
      }}
    >
      任务队列监控
    </a>
  );
}

const BUREAU_MENU: MenuProps['items'] = [
  { key: '/bureau', label: <Link to="/bureau">数据概览</Link> },
  { key: '/bureau/review', label: <Link to="/bureau/review">审核队列</Link> },
  { key: '/bureau/organizations', label: <Link to="/bureau/organizations">单位管理</Link> },
  { key: '/bureau/challenges', label: <Link to="/bureau/challenges">榜单管理</Link> },
  { key: '/bureau/experts', label: <Link to="/bureau/experts">专家库</Link> },
  { key: '/bureau/catalog-io', label: <Link to="/bureau/catalog-io">导入导出</Link> },
  { type: 'divider' },
  { key: 'queues', label: <QueueDashboardLink /> },
];

const EXPERT_MENU: MenuProps['items'] = [{ key: '/expert', label: <Link to="/expert">我的评审任务</Link> }];

function selectedKey(pathname: string, search: string): string {
  if (pathname === '/search') return `/search?type=${new URLSearchParams(search).get('type') === 'need' ? 'need' : 'result'}`;
  if (pathname.startsWith('/challenges')) return '/challenges';
  return pathname;
}

/** The bell: unread notifications, refreshed every half minute. */
function Bell() {
  const { data } = useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: async () => unwrap(await api.GET('/api/notifications/unread-count')),
    refetchInterval: 30_000,
  });
  const count = data?.unread ?? 0;
  return (
    <Link to="/notifications" aria-label={`通知，${count} 条未读`} data-testid="bell">
      <Badge count={count} size="small" overflowCount={99}>
        <BellOutlined style={{ fontSize: 18, color: '#fff' }} />
      </Badge>
    </Link>
  );
}

/** What the signed-in organization must know first: verification pending or rejected. */
function VerificationBanner() {
  const { me } = useSession();
  if (!me || me.organization.status === 'verified') return null;
  if (me.organization.status === 'pending') {
    return (
      <Alert
        type="info"
        showIcon
        banner
        message="本单位正在等待科技局认证。认证通过前可以填写草稿，但不能提交审核、发起对接或揭榜。"
        action={<Link to="/my/organization">查看单位信息</Link>}
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      banner
      message={`本单位认证未通过：${me.organization.rejectReason ?? '未写明原因'}。请修改单位信息后重新提交认证。`}
      action={<Link to="/my/organization">修改并重新提交</Link>}
    />
  );
}

export default function AppLayout() {
  const { me, signOut, isBureau, isExpert } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const userMenu: MenuProps = {
    items: [
      { key: 'org', label: me?.organization.name ?? '', disabled: true },
      { type: 'divider' },
      { key: 'account', label: '账号与安全' },
      { key: 'logout', label: '退出登录' },
    ],
    onClick: async ({ key }) => {
      if (key === 'account') navigate('/account');
      if (key === 'logout') {
        await signOut();
        navigate('/');
      }
    },
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24 }}>
        <Link to="/" style={{ color: '#fff', fontSize: 17, fontWeight: 600, whiteSpace: 'nowrap' }}>
          科技成果转化供需对接平台
        </Link>
        <nav aria-label="主导航" style={{ flex: 1, minWidth: 0 }}>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={[selectedKey(location.pathname, location.search)]}
            items={
              me
                ? [
                    ...(PUBLIC_MENU ?? []),
                    isBureau
                      ? { key: 'bureau', label: '科技局', children: BUREAU_MENU }
                      : { key: 'work', label: '工作台', children: WORK_MENU },
                    ...(isExpert ? [{ key: 'expert', label: '专家评审', children: EXPERT_MENU }] : []),
                  ]
                : PUBLIC_MENU
            }
          />
        </nav>
        {me ? (
          <Space size="large">
            <Bell />
            <Dropdown menu={userMenu}>
              <Button type="text" style={{ color: '#fff' }} icon={<UserOutlined />} data-testid="user-menu">
                {me.user.name} <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        ) : (
          <Space>
            <Button type="primary" onClick={() => navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`)}>
              登录
            </Button>
            <Button ghost onClick={() => navigate('/register')}>
              注册单位
            </Button>
          </Space>
        )}
      </Header>
      <VerificationBanner />
      <Content style={{ padding: '24px', maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <main>
          <Outlet />
        </main>
      </Content>
      <Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">
          科技成果转化供需对接平台 · 三张清单与揭榜挂帅 · 接口文档见 <a href="/docs">/docs</a>
        </Typography.Text>
      </Footer>
    </Layout>
  );
}
