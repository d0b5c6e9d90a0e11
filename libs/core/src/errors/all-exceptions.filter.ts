import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { DomainError, ErrorDetail, TooManyRequestsError } from './domain-error';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: ErrorDetail[];
  errorId?: string;
}

const STATUS_TEXT: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: '请求格式有误' },
  401: { code: 'UNAUTHORIZED', message: '请先登录' },
  403: { code: 'FORBIDDEN', message: '无权执行此操作' },
  404: { code: 'NOT_FOUND', message: '请求的资源不存在' },
  405: { code: 'METHOD_NOT_ALLOWED', message: '不支持该请求方法' },
  406: { code: 'NOT_ACCEPTABLE', message: '不支持请求的格式' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' },
  429: { code: 'TOO_MANY_REQUESTS', message: '请求过于频繁，请稍后再试' },
  503: { code: 'SERVICE_UNAVAILABLE', message: '服务暂不可用' },
};

/** Errors raised by Fastify itself (malformed JSON, body too large, wrong content type). */
interface FastifyLikeError {
  statusCode?: number;
  code?: string;
}

/**
 * The one place where errors become HTTP answers: every error has the shape
 * {statusCode, error, message, details?}; a 500 is logged with an error id and the client
 * gets only that id, never a stack trace.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (exception instanceof TooManyRequestsError && exception.retryAfterSeconds) {
      void reply.header('Retry-After', String(exception.retryAfterSeconds));
    }
    void reply.status(body.statusCode).send(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return { statusCode: exception.status, error: exception.code, message: exception.message, details: exception.details };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const known = STATUS_TEXT[status];
      if (status === HttpStatus.NOT_FOUND) {
        return { statusCode: 404, error: 'NOT_FOUND', message: '请求的接口不存在' };
      }
      const health = healthReport(exception.getResponse());
      if (status === HttpStatus.SERVICE_UNAVAILABLE && health) {
        const down = Object.entries(health).filter(([, v]) => v.status !== 'up');
        return {
          statusCode: 503,
          error: 'SERVICE_UNAVAILABLE',
          message: `部分依赖服务不可用：${down.map(([k]) => k).join('、')}`,
          details: Object.entries(health).map(([field, v]) => ({
            field,
            message: v.status === 'up' ? 'up' : `down${v.message ? `: ${v.message}` : ''}`,
          })),
        };
      }
      if (status === HttpStatus.BAD_REQUEST && /JSON/.test(String(exception.getResponse()))) {
        // Fastify's body parser: malformed or empty JSON, wrapped by Nest.
        return { statusCode: 400, error: 'MALFORMED_JSON', message: '请求体不是有效的 JSON' };
      }
      if (known) return { statusCode: status, error: known.code, message: known.message };
      if (status < 500) return { statusCode: status, error: 'BAD_REQUEST', message: '请求有误' };
    }
    const fastify = exception as FastifyLikeError;
    if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
      const status = fastify.statusCode;
      if (fastify.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (exception instanceof SyntaxError && status === 400)) {
        return { statusCode: 400, error: 'MALFORMED_JSON', message: '请求体不是有效的 JSON' };
      }
      const known = STATUS_TEXT[status] ?? STATUS_TEXT[400];
      return { statusCode: status, error: known.code, message: known.message };
    }
    const pg = (exception as { driverError?: { code?: string } })?.driverError?.code;
    if (pg === '22P02' || pg === '22007' || pg === '22008') {
      // Invalid text for a uuid, date or time column: input the validators did not catch.
      return { statusCode: 400, error: 'BAD_REQUEST', message: '请求参数格式有误' };
    }
    if (pg === '22021') {
      // A character PostgreSQL text cannot hold (NUL) that reached the database another way.
      return { statusCode: 400, error: 'BAD_REQUEST', message: '提交的文本含有不允许的控制字符' };
    }
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId }, `unhandled error ${errorId}`);
    return { statusCode: 500, error: 'INTERNAL_ERROR', message: `服务器内部错误，请稍后重试（错误编号 ${errorId}）`, errorId };
  }
}

/** The per-service report of a failed health check (@nestjs/terminus), if that is what this is. */
function healthReport(response: unknown): Record<string, { status: string; message?: string }> | null {
  const r = response as { status?: string; details?: Record<string, { status: string; message?: string }> };
  return r && typeof r === 'object' && r.status === 'error' && r.details ? r.details : null;
}
