import { type IssuedPasswordLink, mailedLinkMinutes, passwordLinkUrl } from '@app/identity';
import type { RenderedMessage } from '../notification-templates';

const BEIJING_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "30 分钟", "24 小时" or "7 天". */
function lifetime(minutes: number): string {
  if (minutes % 1440 === 0 && minutes > 1440) return `${minutes / 1440} 天`;
  return minutes % 60 === 0 && minutes >= 120 ? `${minutes / 60} 小时` : `${minutes} 分钟`;
}

/**
 * The e-mail of a one-time account link, by its purpose: a forgotten password, a registration's
 * address to verify, a registration tried with an address that has an account, or an invitation. Each says how
 * long the link works and what to do if it was not you; all in the security layout (no footer
 * about notification settings, which do not apply to them).
 */
export function renderPasswordLinkMail(
  link: Pick<IssuedPasswordLink, 'name' | 'expiresAt' | 'purpose' | 'token' | 'organizationName' | 'inviterName'>,
  linkBaseUrl: string,
): RenderedMessage {
  const url = passwordLinkUrl(linkBaseUrl, link.token, link.purpose);
  const until = `${lifetime(mailedLinkMinutes(link.purpose))}内（北京时间 ${BEIJING_TIME.format(link.expiresAt)} 前）`;
  const hello = `${link.name}，您好：`;
  switch (link.purpose) {
    case 'verify':
      return {
        title: '验证注册邮箱',
        body: [
          hello,
          `您用本邮箱在平台注册了单位账号。请在 ${until}打开下面的链接验证邮箱，链接只能使用一次。`,
          '验证后，您的单位将提交科技局认证，认证结果会另行通知。',
          '如果这不是您本人的操作，请忽略本邮件，该邮箱不会被验证。',
        ].join('\n'),
        link: url,
        security: { action: '验证邮箱' },
      };
    case 'invite':
      return {
        title: `邀请您加入${link.organizationName}`,
        body: [
          '您好：',
          `${link.inviterName || '单位管理员'}邀请您加入“${link.organizationName}”，在科技成果转化平台上共同管理本单位的需求、成果和对接。`,
          `请在 ${until}打开下面的链接，填写姓名并设置登录密码，链接只能使用一次。`,
          '如果您不认识邀请人，请忽略本邮件，不会为您开通账号。',
        ].join('\n'),
        link: url,
        security: { action: '接受邀请' },
      };
    case 'register-attempt':
      return {
        title: '有人尝试用您的邮箱注册',
        body: [
          hello,
          '有人刚刚尝试用本邮箱在平台注册新单位。本邮箱已有账号，无需重新注册，请直接登录：',
          `${linkBaseUrl}/login`,
          `如果忘记了密码，可在 ${until}打开下面的链接设置新密码，链接只能使用一次。`,
          '如果这不是您本人的操作，请忽略本邮件，您的账号和密码不会改变。',
        ].join('\n'),
        link: url,
        security: { action: '设置新密码' },
      };
    case 'reset':
    case 'setup':
      return {
        title: '重置登录密码',
        body: [
          hello,
          `我们收到了重置您平台登录密码的申请。请在 ${until}打开下面的链接设置新密码，链接只能使用一次。`,
          '设置新密码后，您在所有设备上的登录都将退出，需要用新密码重新登录。',
          '如果这不是您本人的操作，请忽略本邮件，您的密码不会改变。',
        ].join('\n'),
        link: url,
        security: { action: '设置新密码' },
      };
  }
}
