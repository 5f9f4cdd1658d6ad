import { PROFILE_FIELDS } from '@alumni/shared';
import { canSee, presentAlumnus, type ViewContext, visibilityOf } from './alumnus-view.js';
import type { AlumnusEntity } from './alumnus.entity.js';

const owner = {
  id: 'owner',
  displayName: '小舟',
  verifiedAt: new Date(),
  avatarKey: 'avatars/a.png',
  realName: '江舟',
  graduationYear: 2012,
  departmentId: 'd1',
  major: '机械',
  className: '1201',
  degree: 'bachelor',
  city: '杭州',
  industry: '制造业',
  employer: '某某公司',
  jobTitle: '工程师',
  bio: '你好',
  phoneMasked: '138****1234',
  phoneEncrypted: 'secret',
  visibility: { realName: 'groups', city: 'staff', bio: 'everyone' },
} as unknown as AlumnusEntity;

const context = (viewer: ViewContext['viewer'], peers: string[] = []): ViewContext => ({
  viewer,
  groupPeers: new Set(peers),
  departments: new Map([['d1', '机电工程学院']]),
  urlFor: (key) => `/u/${key}`,
});

describe('alumnus visibility', () => {
  it('fills in the defaults for fields never chosen', () => {
    expect(visibilityOf(owner)).toMatchObject({
      realName: 'groups',
      city: 'staff',
      bio: 'everyone',
      industry: 'groups',
      phone: 'staff',
      avatar: 'everyone',
    });
  });

  it('shows the owner and staff everything, and the others what each level allows', () => {
    const other = { id: 'other', roles: ['alumnus' as const] };
    for (const field of PROFILE_FIELDS) {
      expect(canSee(owner, field, context({ id: 'owner', roles: ['alumnus'] }))).toBe(true);
      expect(canSee(owner, field, context({ id: 'staff', roles: ['alumnus', 'staff'] }))).toBe(true);
      expect(canSee(owner, field, context({ id: 'admin', roles: ['admin'] }))).toBe(true);
    }
    expect(canSee(owner, 'bio', context(other))).toBe(true);
    expect(canSee(owner, 'realName', context(other))).toBe(false);
    expect(canSee(owner, 'realName', context(other, ['owner']))).toBe(true);
    expect(canSee(owner, 'city', context(other, ['owner']))).toBe(false);
    expect(canSee(owner, 'bio', context(null))).toBe(true);
    expect(canSee(owner, 'realName', context(null, ['owner']))).toBe(false);
  });

  it('presents a group peer the "groups" fields once they share a group, and never the phone plaintext', () => {
    const other = { id: 'other', roles: ['alumnus' as const] };
    const stranger = presentAlumnus(owner, context(other));
    expect(stranger).toMatchObject({
      realName: null,
      city: null,
      industry: null,
      employer: null,
      bio: '你好',
      graduationYear: 2012,
      phoneMasked: null,
    });
    const peer = presentAlumnus(owner, context(other, ['owner']));
    expect(peer).toMatchObject({ realName: '江舟', industry: '制造业', employer: '某某公司', city: null, phoneMasked: null });
    const staff = presentAlumnus(owner, context({ id: 'staff', roles: ['staff'] }));
    expect(staff).toMatchObject({
      city: '杭州',
      phoneMasked: '138****1234',
      avatarUrl: '/u/avatars/a.png',
      department: { id: 'd1', name: '机电工程学院' },
    });
    expect(JSON.stringify([stranger, peer, staff])).not.toContain('secret');
  });
});
