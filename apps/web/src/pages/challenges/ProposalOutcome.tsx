import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { dateText, wan } from '../../components/labels';
import { type Challenge, type Proposal, windowState, WINNERS_NAMED, UNDERLINE } from './ChallengeShared';

/**
 * Where the proposal stands and, once decided, its outcome as the API tells an applicant:
 * screening (eligible or not, with the reason), the award and its approved budget. Scores and
 * rankings are not disclosed to applicants by the API.
 */
export default function ProposalOutcome({ proposal: p, challenge: c }: { proposal: Proposal | null; challenge: Challenge }) {
  const open = windowState(c) === 'open';
  const deadline = `申报截止时间：${dateText(c.closesAt)}（北京时间，以服务器时间为准）`;
  const notice = (type: 'info' | 'success' | 'warning' | 'error', title: ReactNode, description?: ReactNode) => (
    <Alert type={type} showIcon title={title} description={description} />
  );
  const milestones = (
    <Link to={`/challenges/${c.id}/milestones`} style={UNDERLINE}>
      查看里程碑
    </Link>
  );

  if (!p) {
    if (open) return notice('info', '填写并保存后生成草稿，截止前提交才有效。', deadline);
    return notice('warning', '申报已截止或未开放，不能新建揭榜申请。', deadline);
  }
  switch (p.status) {
    case 'draft':
      return open
        ? notice('info', '草稿尚未提交：请在截止前提交，否则不会进入评审。', deadline)
        : notice('warning', '草稿未在截止前提交，未进入评审。');
    case 'submitted':
      if (c.status === 'cancelled') return notice('warning', `榜单已撤榜：${c.statusReason ?? ''}`);
      return open
        ? notice('success', `已于 ${dateText(p.submittedAt)} 提交。截止前牵头单位仍可修改或撤回。`, deadline)
        : notice('info', `已于 ${dateText(p.submittedAt)} 提交，申报已截止，等待科技局形式审查。`);
    case 'withdrawn':
      return notice('warning', '本申请已撤回，不会进入评审。每个单位对同一榜单只能申请一次。');
    case 'ineligible':
      return notice('error', '未通过形式审查', p.statusReason ? `原因：${p.statusReason}` : undefined);
    case 'shortlisted':
      if (p.awardedBudgetYuan !== null && WINNERS_NAMED.includes(c.status)) {
        return notice(
          'success',
          `拟中榜，核定经费 ${wan(p.awardedBudgetYuan)}`,
          <span>
            评定结果公示中{c.noticeEndsAt ? `，公示期至 ${dateText(c.noticeEndsAt)}` : ''}；公示期满、科技局确认后正式中榜。{milestones}
          </span>,
        );
      }
      if (WINNERS_NAMED.includes(c.status)) return notice('info', '已通过形式审查，评定结果已公示，本申请未列入拟中榜名单。');
      return notice('info', '已通过形式审查，入围专家评审。评审结束后科技局将评定中榜单位并公示。');
    case 'awarded':
      return notice(
        'success',
        `已中榜${p.awardedBudgetYuan !== null ? `，核定经费 ${wan(p.awardedBudgetYuan)}` : ''}`,
        <span>请按里程碑计划攻关并提交完成材料。{milestones}</span>,
      );
    case 'declined':
      return notice('info', '未中榜', '感谢参与揭榜。评定结果已确认。');
    default:
      return null;
  }
}
