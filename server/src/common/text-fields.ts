import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Blank optional text counts as not given. */
const blankToNull = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? null : trim({ value }));

/** Required text, trimmed, 1…max characters. */
export const RequiredText = (max: number, example?: string) =>
  applyDecorators(ApiProperty({ maxLength: max, example }), Transform(trim), IsString(), IsNotEmpty(), MaxLength(max));

/**
 * Left out, or present and checked: `null` is refused like any other wrong type, since the
 * document says the field is not nullable (@IsOptional() would let null through to the
 * service, which then stored it or failed on a NOT NULL column). Nullable fields say so.
 */
const absent = () => ValidateIf((_, value) => value !== undefined);

/**
 * For a body field that may be left out: the rules after it apply whenever it is sent, so
 * `null` is refused. Use instead of @IsOptional() in body DTOs (query strings cannot carry null).
 */
export const OptionalField = absent;

/**
 * For a body field that may be left out or null (its column is nullable, null means "none"):
 * the rules after it apply to any other value. Pair with `ApiPropertyOptional({ nullable: true })`
 * so the document says so, and store null as null.
 */
export const NullableField = () => ValidateIf((_, value) => value !== undefined && value !== null);

/** Text that may be left out or empty (stored as empty), trimmed. */
export const OptionalText = (max: number, description?: string) =>
  applyDecorators(ApiPropertyOptional({ maxLength: max, description }), Transform(trim), absent(), IsString(), MaxLength(max));

/** Text that may be left out, null or blank (all stored as null), trimmed. */
export const NullableText = (max: number, description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: max, description }),
    Transform(blankToNull),
    NullableField(),
    IsString(),
    MaxLength(max),
  );

/** One of a fixed list of values (required). */
export const OneOf = (values: readonly string[], description?: string) =>
  applyDecorators(ApiProperty({ enum: values, description }), IsIn(values));

/** One of a fixed list, or left out. */
export const OptionalOneOf = (values: readonly string[], description?: string) =>
  applyDecorators(ApiPropertyOptional({ enum: values, description }), absent(), IsIn(values));

/** A Beijing calendar day, `2026-05-01` (a real date). */
export const Day = (description: string) =>
  applyDecorators(
    ApiProperty({ format: 'date', example: '2026-05-01', description }),
    IsString(),
    Matches(/^\d{4}-\d\d-\d\d$/, { message: 'must be a day like 2026-05-01' }),
    IsISO8601({ strict: true }),
  );
