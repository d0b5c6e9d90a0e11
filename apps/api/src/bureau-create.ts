import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { AppConfig, CoreModule, DomainError, loadConfigOrExit } from '@app/core';
import { BureauSetupService, IdentityModule, passwordLinkUrl, SETUP_LINK_HOURS } from '@app/identity';

const USAGE = `用法：npm run bureau:create -- --name <科技局名称> --email <管理员邮箱> [--region <所在地>] [--admin-name <管理员姓名>] [--force]
（容器中：docker compose run --rm bureau-create --name … --email …）

创建科技局单位（已认证）及其第一个管理员账号，并打印一次性的设置密码链接（${SETUP_LINK_HOURS} 小时内有效）。
已有科技局时拒绝执行；加 --force 则为现有科技局添加该管理员，或为其重新生成设置密码的链接。
`;

/** Only what the command needs: configuration, the database and identity (no HTTP, no workers). */
@Module({})
class BureauCreateModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: BureauCreateModule, imports: [CoreModule.forRoot(config), IdentityModule] };
  }
}

function fail(message: string): never {
  process.stderr.write(`[bureau:create] ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let values: { name?: string; email?: string; region?: string; 'admin-name'?: string; force?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        name: { type: 'string' },
        email: { type: 'string' },
        region: { type: 'string' },
        'admin-name': { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    fail(`参数有误：${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (!values.name) fail(`缺少 --name（科技局名称，如 荆门市科学技术局）\n${USAGE}`);
  if (!values.email) fail(`缺少 --email（管理员的登录邮箱）\n${USAGE}`);

  const config = loadConfigOrExit({ LOG_LEVEL: 'warn', ...process.env });
  const app = await NestFactory.createApplicationContext(BureauCreateModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const r = await app.get(BureauSetupService).setUp({
      name: values.name,
      email: values.email,
      region: values.region,
      adminName: values['admin-name'],
      force: values.force,
    });
    const what = r.organization.created
      ? `已创建科技局“${r.organization.name}”（已认证）及其管理员账号 ${r.admin.email}`
      : r.admin.created
        ? `已为现有科技局“${r.organization.name}”添加管理员账号 ${r.admin.email}`
        : `已为科技局“${r.organization.name}”的管理员 ${r.admin.email} 重新生成设置密码的链接`;
    const until = r.expiresAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    process.stdout.write(
      `[bureau:create] ${what}。\n` +
        `[bureau:create] 请在 ${SETUP_LINK_HOURS} 小时内（北京时间 ${until} 前）打开下面的链接设置密码，链接只能使用一次：\n` +
        `${passwordLinkUrl(config.linkBaseUrl, r.token)}\n`,
    );
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    process.stderr.write(`[bureau:create] 未执行：${err.message}\n`);
    process.exitCode = 1;
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`[bureau:create] 失败：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
