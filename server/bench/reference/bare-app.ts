import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';

/** The JSON AlumniLink's `GET /api/health/live` answers (terminus, no indicators). */
const LIVE = { status: 'ok', info: {}, error: {}, details: {} } as const;

@Controller('api/health')
class LiveController {
  @Get('live')
  live() {
    return LIVE;
  }
}

@Module({ controllers: [LiveController] })
class BareModule {}

/**
 * The framework's floor (docs/benchmarks.md, References): NestJS on the same Fastify
 * adapter and the same Node, no modules, no logger, one route answering the same JSON, and
 * the same listen backlog as the instances (LISTEN_BACKLOG).
 * The harness starts it as a child process and reads its port from the first line.
 */
async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter(), { logger: false });
  // The harness gives it the instances' LISTEN_BACKLOG, so both have the same accept queue under a burst.
  const backlog = process.env.LISTEN_BACKLOG ? Number(process.env.LISTEN_BACKLOG) : undefined;
  await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1', ...(backlog && { backlog }) });
  console.log(`bare reference listening on ${(app.getHttpServer().address() as AddressInfo).port}`);
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();
