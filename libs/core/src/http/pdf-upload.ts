import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { createHash } from 'node:crypto';
import { ValidationFailedError } from '../errors/domain-error';

/** Largest PDF accepted anywhere (proposal attachments, signed technology contracts). */
export const PDF_MAX_BYTES = 10 * 1024 * 1024;

/**
 * The name to keep for an uploaded file: its base name only (no directories, whichever slash),
 * without control characters or quotes, at most 200 characters.
 */
export function safeFilename(sent: string): string {
  const base = sent.split(/[\\/]/).pop() ?? '';
  return (
    base
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f"'`<>]/g, '')
      .trim()
      .slice(-200)
  );
}

/** A refused upload: a 400 naming the `file` field. */
export class BadUploadError extends ValidationFailedError {
  constructor(message: string) {
    super(message, [{ field: 'file', message }]);
  }
}

export interface CheckedPdf {
  filename: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * The checks every PDF upload passes, whatever it is attached to: a usable name ending in .pdf,
 * not empty, at most `maxBytes`, and PDF content (the content decides, not the name or the
 * header: a PDF starts with %PDF-; a declared type other than application/pdf is refused too).
 * `what` names the file in the messages (附件, 合同文件).
 */
export function checkPdfUpload(
  sentName: string,
  contentType: string | undefined,
  content: Buffer,
  what = '附件',
  maxBytes = PDF_MAX_BYTES,
): CheckedPdf {
  const filename = safeFilename(sentName);
  if (!filename) throw new BadUploadError(`${what}文件名无效`);
  if (!content || content.length === 0) throw new BadUploadError(`${what}内容为空`);
  if (content.length > maxBytes) throw new BadUploadError(`${what}不能超过 ${maxBytes / 1024 / 1024} MB`);
  if (content.subarray(0, 5).toString('latin1') !== '%PDF-' || (contentType && contentType !== 'application/pdf')) {
    throw new BadUploadError(`${what}只能是 PDF 文件`);
  }
  if (!/\.pdf$/i.test(filename)) throw new BadUploadError(`${what}文件名应以 .pdf 结尾`);
  return { filename, sizeBytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
}

/** The request body as bytes (for file uploads sent as application/pdf or octet-stream). */
/** The OpenAPI side of a PDF upload: the request body is the file itself (`RawBody` reads it). */
export const ApiPdfBody = (): MethodDecorator =>
  applyDecorators(ApiConsumes('application/pdf'), ApiBody({ schema: { type: 'string', format: 'binary' } }));

export const RawBody = createParamDecorator((_data: unknown, ctx: ExecutionContext): { content: Buffer; contentType?: string } => {
  const req = ctx.switchToHttp().getRequest<{ body?: unknown; headers: Record<string, string | undefined> }>();
  const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const contentType = req.headers['content-type']?.split(';')[0].trim().toLowerCase();
  return { content, contentType: contentType === 'application/octet-stream' ? undefined : contentType };
});

/** A file answered as a download under its (Chinese) name. */
export function attachmentDisposition(filename: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
