import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { dateText, wan } from '../../components/labels';
import { ChallengeFilters, type ChallengeRow, ChallengeTable, useChallengeList } from '../challenges/ChallengeListShared';
import { ChallengeStatusTag, ReadableTheme } from '../challenges/ChallengeShared';

/** The bureau's open calls (揭榜挂帅), drafts and cancelled ones included. */
export default function BureauChallengesPage() {
  const navigate = useNavigate();
  const list = useChallengeList('bureau-list');

  useEffect(() => {
    document.title = '榜单管理 - 科技局';
  }, []);

  const columns: ColumnsType<ChallengeRow> = [
    {
      title: '榜单名称',
      dataIndex: 'title',
      render: (t: string, c) => <Link to={`/bureau/challenges/${c.id}`}>{t}</Link>,
    },
    { title: '产业领域', dataIndex: 'field', width: 130 },
    { title: '状态', dataIndex: 'status', width: 120, render: (_: unknown, c) => <ChallengeStatusTag challenge={c} /> },
    { title: '财政资金上限', dataIndex: 'budgetCapYuan', width: 130, render: (v: number) => wan(v) },
    {
      title: '申报时间（北京时间）',
      key: 'window',
      width: 230,
      render: (_: unknown, c) => (
        <>
          {dateText(c.opensAt)}
          <br />至 {dateText(c.closesAt)}
        </>
      ),
    },
    {
      title: '公示截止',
      dataIndex: 'noticeEndsAt',
      width: 170,
      render: (v: string | null) => (v ? dateText(v) : '—'),
    },
  ];

  return (
    <ReadableTheme>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          揭榜挂帅榜单管理
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} data-testid="bc-new" onClick={() => navigate('/bureau/challenges/new')}>
          新建榜单
        </Button>
      </Flex>
      <Typography.Paragraph style={{ marginTop: 12 }}>
        全部榜单（含草稿和已撤榜的）。点击榜单名称进入管理：发布、形式审查、专家评审、评定中榜、公示与验收。
      </Typography.Paragraph>
      <ChallengeFilters list={list} idPrefix="bc" />
      <ChallengeTable
        list={list}
        columns={columns}
        scrollX={900}
        onRow={(c) => ({
          'data-testid': 'bc-row',
          style: { cursor: 'pointer' },
          onClick: (e) => {
            if ((e.target as HTMLElement).closest('a')) return;
            navigate(`/bureau/challenges/${c.id}`);
          },
        })}
        empty={
          <Empty
            description={list.filtered ? '没有符合条件的榜单，可清除筛选条件查看全部。' : '还没有榜单，点击“新建榜单”张榜征集攻关团队。'}
          >
            {list.filtered ? (
              <Button onClick={list.clearFilters}>清除筛选</Button>
            ) : (
              <Button type="primary" onClick={() => navigate('/bureau/challenges/new')}>
                新建榜单
              </Button>
            )}
          </Empty>
        }
      />
    </ReadableTheme>
  );
}
