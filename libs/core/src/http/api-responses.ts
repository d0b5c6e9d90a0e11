import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtension, ApiExtraModels, ApiOkResponse, ApiProperty, getSchemaPath } from '@nestjs/swagger';

/** The envelope of every paginated list, documented once; `ApiPageResponse` fills in the item type. */
export class PageMetaDto {
  @ApiProperty({ type: 'integer', description: '符合条件的总数' }) total!: number;
  @ApiProperty({ type: 'integer', description: '页码，从 1 开始' }) page!: number;
  @ApiProperty({ type: 'integer', description: '每页条数' }) pageSize!: number;
}

/** Documents a `Page<T>` answer: `{ items: T[], total, page, pageSize }`. */
export function ApiPageResponse(item: Type<unknown>, description = '分页列表'): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(PageMetaDto, item),
    ApiOkResponse({
      description,
      schema: {
        allOf: [
          { $ref: getSchemaPath(PageMetaDto) },
          { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: getSchemaPath(item) } } } },
        ],
      },
    }),
  );
}

/** Documents a download: the body is a file of the given media types. */
export function ApiFileResponse(description: string, ...mediaTypes: string[]): MethodDecorator {
  return ApiOkResponse({
    description,
    content: Object.fromEntries(mediaTypes.map((m) => [m, { schema: { type: 'string', format: 'binary' } }])),
  });
}

/** Marks how an operation authenticates in the OpenAPI document (read by the document's post-processing). */
export const AUTH_EXTENSION = 'x-auth';
export type AuthMark = 'public' | 'optional';
export const ApiAuthMark = (mark: AuthMark): MethodDecorator & ClassDecorator => ApiExtension(AUTH_EXTENSION, mark);
