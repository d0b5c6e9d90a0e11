import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { registerDecorator, ValidationArguments } from 'class-validator';
import { normalizeRegion, REGION_NAMES, regionProblem } from './regions';

/** A region as the reference names it: another spelling it can map is stored under its name (荆门 → 荆门市). */
const toReferenceRegion = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? (normalizeRegion(value) ?? value.trim()) : value;

/**
 * One of the region reference's names (regions.ts), after mapping the usual other spellings to it
 * (湖北省荆门市钟祥市 → 钟祥市); anything else is refused naming the value. For an organization's
 * region and an item's alike.
 */
export const IsRegion = (): PropertyDecorator =>
  applyDecorators(Transform(toReferenceRegion), (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isRegion',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (v: unknown) => typeof v === 'string' && REGION_NAMES.has(v),
        defaultMessage: (args: ValidationArguments) => (typeof args.value === 'string' ? regionProblem(args.value) : '必须是文本'),
      },
    }),
  );

/** A region filter: the usual other spellings read as the reference's name; anything else finds nothing. */
export const RegionFilter = (): PropertyDecorator => Transform(toReferenceRegion);
