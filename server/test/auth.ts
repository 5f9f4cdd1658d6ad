import type { Role } from '@alumni/shared';
import { AlumnusEntity } from '../src/alumni/alumnus.entity.js';
import { TokenService } from '../src/auth/token.service.js';
import type { TestApp } from './test-app.js';

let counter = 0;

/** An alumnus row; signed-in ones get an openid. */
export async function createAlumnus(t: TestApp, values: Partial<AlumnusEntity> = {}): Promise<AlumnusEntity> {
  counter += 1;
  return t.dataSource.getRepository(AlumnusEntity).save({
    displayName: `校友${counter}`,
    openid: `o_test_${process.pid}_${counter}`,
    roles: ['alumnus'],
    ...values,
  });
}

/** A signed-in user with these roles, and the header that proves it. */
export async function signedIn(t: TestApp, roles: Role[] = ['alumnus'], values: Partial<AlumnusEntity> = {}) {
  const alumnus = await createAlumnus(t, { roles, ...values });
  const { token } = t.app.get(TokenService).issueAccessToken({ id: alumnus.id, roles });
  return { alumnus, token, headers: { authorization: `Bearer ${token}` } };
}
