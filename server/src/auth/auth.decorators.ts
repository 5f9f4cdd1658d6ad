import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { AuthUserDto, Role } from '@alumni/shared';

export const IS_PUBLIC = 'auth:public';
export const REQUIRED_ROLES = 'auth:roles';

/** OpenAPI extensions that carry the access rules into the document (see openapi.ts). */
export const PUBLIC_EXTENSION = 'x-public';
export const ROLES_EXTENSION = 'x-roles';

/** The route answers anonymous callers. Every other route requires a signed-in user. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));

/** The route requires one of these roles (403 FORBIDDEN otherwise). Admins hold staff rights too. */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(REQUIRED_ROLES, roles), ApiExtension(ROLES_EXTENSION, roles));

/** The signed-in user of the request, as the access token describes them. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUserDto => {
  const request = context.switchToHttp().getRequest<{ user?: AuthUserDto }>();
  return request.user!;
});
