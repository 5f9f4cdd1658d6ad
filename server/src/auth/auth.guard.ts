import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthUserDto, Role } from '@alumni/shared';
import { AppError } from '../common/app-error.js';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators.js';
import { RoleChanges } from './role-changes.js';
import { TokenService } from './token.service.js';

interface AccessRule {
  isPublic: boolean;
  required: Role[] | undefined;
}

type GuardedRequest = { headers: Record<string, string | undefined>; user?: AuthUserDto };

/**
 * Global guard, deny by default: a route is public only when marked @Public(); every other
 * route needs a valid bearer token (401 UNAUTHENTICATED) and, with @Roles(), one of the
 * roles (403 FORBIDDEN). Admins pass every staff check. A token whose roles were changed since
 * it was issued counts as no token (RoleChanges): a revoked role stops working at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /** Each route's rule, read from its decorators once per controller and handler (not on every request). */
  private readonly rules = new WeakMap<object, WeakMap<object, AccessRule>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly roleChanges: RoleChanges,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const named = this.tokens.requestUser(request);
    const user = named && this.roleChanges.check(named);
    // Synchronous unless the roles had to be read (see RoleChanges): most requests never wait.
    return user instanceof Promise ? user.then((u) => this.decide(context, request, u)) : this.decide(context, request, user);
  }

  private decide(context: ExecutionContext, request: GuardedRequest, user: AuthUserDto | null): boolean {
    if (user) request.user = user;

    const { isPublic, required } = this.rule(context);
    if (isPublic) return true;
    if (!user) throw new AppError('UNAUTHENTICATED');

    if (!required || required.length === 0) return true;
    const held = new Set<Role>(user.roles.includes('admin') ? ['admin', 'staff', 'alumnus'] : user.roles);
    if (!required.some((role) => held.has(role))) throw new AppError('FORBIDDEN');
    return true;
  }

  private rule(context: ExecutionContext): AccessRule {
    const controller = context.getClass();
    const handler = context.getHandler();
    let byHandler = this.rules.get(controller);
    if (!byHandler) this.rules.set(controller, (byHandler = new WeakMap()));
    let rule = byHandler.get(handler);
    if (!rule) {
      const targets = [handler, controller];
      rule = {
        isPublic: this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false,
        required: this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets),
      };
      byHandler.set(handler, rule);
    }
    return rule;
  }
}
