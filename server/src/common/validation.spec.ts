import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { AppError } from './app-error.js';
import { createValidationPipe } from './validation.js';

class LimitQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  limit: number = 20;
}

describe('the validation pipe on query strings', () => {
  const pipe = createValidationPipe();
  const asQuery = (value: unknown) => pipe.transform(value, { type: 'query', metatype: LimitQuery });

  it('answers a repeated query as the first time, each caller with its own object', async () => {
    const first = (await asQuery({ limit: '5' })) as LimitQuery;
    first.limit = 99;
    const second = (await asQuery({ limit: '5' })) as LimitQuery;
    expect(second).toBeInstanceOf(LimitQuery);
    expect(second).toEqual(Object.assign(new LimitQuery(), { limit: 5 }));
    expect(second).not.toBe(first);
    expect(await asQuery({})).toEqual(new LimitQuery());
  });

  it('refuses a bad query every time it comes', async () => {
    for (let i = 0; i < 2; i += 1) {
      await expect(asQuery({ limit: '0' })).rejects.toBeInstanceOf(AppError);
      await expect(asQuery({ limit: '5', extra: 'x' })).rejects.toBeInstanceOf(AppError);
    }
  });
});
