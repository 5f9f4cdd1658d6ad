export const ROLES = ['alumnus', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  alumnus: '校友',
  staff: '工作人员',
  admin: '管理员',
};

/** Who a signed-in request acts for, as carried in the access token. */
export interface AuthUserDto {
  id: string;
  roles: Role[];
}
