import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** The request body as bytes (for file uploads sent as application/pdf or octet-stream). */
export const RawBody = createParamDecorator((_data: unknown, ctx: ExecutionContext): { content: Buffer; contentType?: string } => {
  const req = ctx.switchToHttp().getRequest<{ body?: unknown; headers: Record<string, string | undefined> }>();
  const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const contentType = req.headers['content-type']?.split(';')[0].trim().toLowerCase();
  return { content, contentType: contentType === 'application/octet-stream' ? undefined : contentType };
});
