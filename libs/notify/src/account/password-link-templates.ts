import type { IssuedPasswordLink } from '@app/identity';
import type { RenderedMessage } from '../notification-templates';

const BEIJING_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** The e-mail of a forgotten password: the one-time link, how long it works, and what to do if it was not you. */
export function renderPasswordLinkMail(
  link: Pick<IssuedPasswordLink, 'name' | 'expiresAt'>,
  url: string,
  minutes: number,
): RenderedMessage {
  return {
    title: '重置登录密码',
    body: [
      `${link.name}，您好：`,
      `我们收到了重置您平台登录密码的申请。请在 ${minutes} 分钟内（北京时间 ${BEIJING_TIME.format(link.expiresAt)} 前）打开下面的链接设置新密码，链接只能使用一次。`,
      '设置新密码后，您在所有设备上的登录都将退出，需要用新密码重新登录。',
      '如果这不是您本人的操作，请忽略本邮件，您的密码不会改变。',
    ].join('\n'),
    link: url,
  };
}
