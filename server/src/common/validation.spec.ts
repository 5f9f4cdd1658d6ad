import { Type } from 'class-transformer';
import { getMetadataStorage, IsInt, IsOptional, IsString, Min } from 'class-validator';
import { AppError } from './app-error.js';
import { createValidationPipe, rememberRuleLookups } from './validation.js';

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

describe('class-validator rule lookups', () => {
  it('answers a class’s rules from memory, and looks again once a rule is added', () => {
    const store = rememberRuleLookups(getMetadataStorage());
    class Late {
      name!: string;
    }
    const first = store.getTargetValidationMetadatas(Late, '', false, false);
    expect(store.getTargetValidationMetadatas(Late, '', false, false)).toBe(first);
    expect(first).toHaveLength(0);
    IsString()(Late.prototype, 'name');
    const after = store.getTargetValidationMetadatas(Late, '', false, false);
    expect(after).not.toBe(first);
    expect(after.map((rule) => rule.propertyName)).toEqual(['name']);
    expect(store.groupByPropertyName(after)).toBe(store.groupByPropertyName(after));
  });

  it('still refuses a body with a bad field and an unknown one, naming each', async () => {
    class Body {
      @IsInt()
      @Min(1)
      count!: number;
    }
    const pipe = createValidationPipe();
    for (let i = 0; i < 2; i += 1) {
      const refused = await pipe.transform({ count: 0, extra: 1 }, { type: 'body', metatype: Body }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('VALIDATION_FAILED');
      expect((refused as AppError).details.map((d) => d.field).sort()).toEqual(['count', 'extra']);
    }
  });
});
