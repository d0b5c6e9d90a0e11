import { App, Alert, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../components/api-errors';
import { dateText } from '../../components/labels';
import ChallengeDetails from '../challenges/ChallengeDetails';
import { type Challenge, windowText } from '../challenges/ChallengeShared';
import { ReasonModal, useRefreshChallenge } from './BureauChallengeShared';

const NEXT_STEP: Record<string, string> = {
  draft: '草稿：可修改内容，确认无误后发布。',
  published: '揭榜中：申报截止（以服务器时间为准）后点击“开始评审”，进行形式审查和专家评审。',
  reviewing: '评审中：完成形式审查、指派专家、专家评分后，在“排名与立项”中评定中榜单位。',
  awarded: '公示中：公示期满且异议均已答复后，在“公示与异议”中确认立项。',
  in_progress: '攻关中：在“里程碑与验收”中验收各里程碑，全部通过后最终验收。',
  completed: '已验收：榜单已完成。',
  failed: '未通过验收。',
  cancelled: '已撤榜。',
};

/** 概况: the call's details and state, with the actions its state allows. */
export default function ChallengeOverviewTab({ challenge: c }: { challenge: Challenge }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const refresh = useRefreshChallenge(c.id);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);

  const act = async (key: 'publish' | 'start-review', done: string) => {
    setBusy(key);
    setError(null);
    try {
      if (key === 'publish') unwrap(await api.POST('/api/challenges/{id}/publish', { params: { path: { id: c.id } } }));
      else unwrap(await api.POST('/api/challenges/{id}/start-review', { params: { path: { id: c.id } } }));
      message.success(done);
      await refresh();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card size="small" title="状态与操作">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'status', label: '当前状态', children: c.statusLabel },
            { key: 'window', label: '申报', children: windowText(c) },
            { key: 'published', label: '发布时间', children: dateText(c.publishedAt) },
            { key: 'notice', label: '公示截止', children: dateText(c.noticeEndsAt) },
            { key: 'final', label: '立项确认', children: dateText(c.finalizedAt) },
            { key: 'done', label: '验收通过', children: dateText(c.completedAt) },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 8 }}>{NEXT_STEP[c.status]}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" data-testid="cm-action-error" />}
        <Flex gap={8} wrap>
          {c.status === 'draft' && (
            <>
              <Button data-testid="cm-edit" onClick={() => navigate(`/bureau/challenges/${c.id}/edit`)}>
                编辑
              </Button>
              <Button
                type="primary"
                data-testid="cm-publish"
                loading={busy === 'publish'}
                onClick={() => void act('publish', '榜单已发布')}
              >
                发布
              </Button>
            </>
          )}
          {c.status === 'published' && (
            <Button
              type="primary"
              data-testid="cm-start-review"
              loading={busy === 'start-review'}
              onClick={() => void act('start-review', '已进入评审阶段')}
            >
              开始评审
            </Button>
          )}
          {['draft', 'published', 'reviewing'].includes(c.status) && (
            <Button danger data-testid="cm-cancel" onClick={() => setCancelling(true)}>
              撤销榜单
            </Button>
          )}
        </Flex>
      </Card>
      <ChallengeDetails challenge={c} />
      <ReasonModal
        open={cancelling}
        title="撤销榜单"
        label="撤榜原因"
        okText="确认撤榜"
        danger
        inputTestId="cm-cancel-reason"
        submitTestId="cm-cancel-submit"
        onClose={() => setCancelling(false)}
        onSubmit={async (reason) => {
          unwrap(await api.POST('/api/challenges/{id}/cancel', { params: { path: { id: c.id } }, body: { reason } }));
          message.success('榜单已撤销，已申报的单位将收到通知');
          await refresh();
        }}
      />
    </Flex>
  );
}
