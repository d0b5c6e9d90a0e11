import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** A route's `:id`, validated like any other input. */
export class IdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { context: { message: '不是有效的编号' } })
  id!: string;
}
