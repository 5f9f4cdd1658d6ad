import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AuthUserDto, Role } from '@alumni/shared';

export const IS_PUBLIC = 'auth:public';
export const REQUIRED_ROLES = 'auth:roles';

/** The route answers anonymous callers. Every other route requires a signed-in user. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The route requires one of these roles (403 FORBIDDEN otherwise). Admins hold staff rights too. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The signed-in user of the request, as the access token describes them. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUserDto => {
  const request = context.switchToHttp().getRequest<{ user?: AuthUserDto }>();
  return request.user!;
});
