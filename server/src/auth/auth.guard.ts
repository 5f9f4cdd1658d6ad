import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthUserDto, Role } from '@alumni/shared';
import { AppError } from '../common/app-error.js';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators.js';
import { TokenService } from './token.service.js';

/**
 * Global guard, deny by default: a route is public only when marked @Public(); every other
 * route needs a valid bearer token (401 UNAUTHENTICATED) and, with @Roles(), one of the
 * roles (403 FORBIDDEN). Admins pass every staff check.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUserDto }>();
    const user = this.tokens.requestUser(request);
    if (user) request.user = user;

    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    if (!user) throw new AppError('UNAUTHENTICATED');

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (!required || required.length === 0) return true;
    const held = new Set<Role>(user.roles.includes('admin') ? ['admin', 'staff', 'alumnus'] : user.roles);
    if (!required.some((role) => held.has(role))) throw new AppError('FORBIDDEN');
    return true;
  }
}
