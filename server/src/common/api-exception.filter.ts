import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger, InjectPinoLogger } from 'nestjs-pino';
import { toErrorBody } from './error-body.js';

/** Gives every error the body `{ error: { code, message, details } }` and logs our own faults. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(@InjectPinoLogger(ApiExceptionFilter.name) private readonly logger: PinoLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, body, unexpected } = toErrorBody(exception);

    if (unexpected) {
      this.logger.error({ err: exception, requestId: request.id, code: body.error.code }, 'request failed');
    }
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
