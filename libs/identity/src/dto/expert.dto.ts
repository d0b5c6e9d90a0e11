import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsString, MaxLength } from 'class-validator';

export class SetExpertDto {
  @ApiProperty({ description: '是否列入专家库' })
  @IsBoolean()
  isExpert!: boolean;

  @ApiProperty({ type: [String], example: ['新材料', '磷化工'], description: '专业领域' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  fields!: string[];
}
