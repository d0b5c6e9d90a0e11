import '@fastify/multipart';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';

export interface SheetUpload {
  filename: string;
  mimetype: string;
  file: Readable;
}

/** The first file of a multipart/form-data request, as a stream (undefined when none was sent). */
export const UploadedSheet = createParamDecorator(async (_data: unknown, ctx: ExecutionContext): Promise<SheetUpload | undefined> => {
  const req = ctx.switchToHttp().getRequest<FastifyRequest>();
  if (!req.isMultipart()) return undefined;
  const part = await req.file();
  return part ? { filename: part.filename, mimetype: part.mimetype, file: part.file } : undefined;
});
