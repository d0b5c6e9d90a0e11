import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AUTH_EXTENSION, AuthMark, ErrorResponseDto } from '@app/core';

const ERROR_RESPONSES: Record<string, string> = {
  '400': '请求参数有误（message 与 details 指明字段）',
  '401': '未登录或登录已过期',
  '403': '无权执行此操作',
  '404': '资源不存在或无权访问',
  '409': '与当前状态冲突',
  '429': '请求过于频繁',
  '500': '服务器内部错误（附错误编号）',
};

/**
 * Adds the standard error responses to every operation that does not declare its own, and states
 * each operation's security as the global auth guard applies it: a bearer token unless the route
 * is marked public (no token) or optional (a token widens what it answers).
 */
function withErrorsAndSecurity(doc: OpenAPIObject): OpenAPIObject {
  const ref = { $ref: '#/components/schemas/ErrorResponseDto' };
  for (const path of Object.values(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = path[method] as (NonNullable<(typeof path)[typeof method]> & { [AUTH_EXTENSION]?: AuthMark }) | undefined;
      if (!op) continue;
      const mark = op[AUTH_EXTENSION];
      delete op[AUTH_EXTENSION];
      op.security = mark === 'public' ? [] : mark === 'optional' ? [{ bearer: [] }, {}] : [{ bearer: [] }];
      for (const [code, description] of Object.entries(ERROR_RESPONSES)) {
        if (code === '401' && mark === 'public') continue;
        op.responses[code] ??= { description, content: { 'application/json': { schema: ref } } };
      }
    }
  }
  return doc;
}

/** Swagger UI at /docs, JSON at /docs-json, generated from the code. */
export function setupOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('科技成果转化供需对接平台 API')
    .setDescription('三张清单（供给、需求、应用）、供需匹配、对接与揭榜挂帅。所有错误返回 {statusCode, error, message, details?}。')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const doc = withErrorsAndSecurity(SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponseDto] }));
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs-json' });
  return doc;
}
