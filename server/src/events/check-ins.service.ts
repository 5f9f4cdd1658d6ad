import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUserDto, CheckInResultDto } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import type { AppConfig } from '../config/configuration.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { checkInKey, checkInShortCode, checkInStep, normaliseShortCode, verifyCheckInToken } from './check-in-token.js';
import type { CheckInDto } from './dto/registration-request.dto.js';
import { EventEntity } from './event.entity.js';
import { RegistrationEntity } from './registration.entity.js';
import { SeatsService } from './seats.service.js';

/** Staff at the door: scanning tickets, typing short codes, adding walk-ins. */
@Injectable()
export class CheckInsService {
  private readonly key: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly alumni: AlumniService,
    private readonly seats: SeatsService,
    private readonly interactions: InteractionsService,
    private readonly audit: AuditService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.key = checkInKey(config.get('jwtSecret', { infer: true }));
  }

  /** Checks a ticket in; a second scan changes nothing and says so. */
  async checkIn(actor: AuthUserDto, eventId: string, dto: CheckInDto): Promise<CheckInResultDto> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const event = await this.openEvent(manager, eventId);
      const registrationId =
        dto.token !== undefined ? this.fromToken(dto.token) : await this.fromShortCode(manager, eventId, dto.shortCode ?? '');
      const registration = await manager.findOne(RegistrationEntity, {
        where: { id: registrationId },
        lock: { mode: 'pessimistic_write' },
      });
      // A valid signature over a row that no longer exists: as good as forged.
      if (!registration) throw new AppError('CHECK_IN_TOKEN_INVALID');
      if (registration.eventId !== event.id) throw new AppError('CHECK_IN_WRONG_EVENT');
      if (registration.status !== 'confirmed') throw new AppError('REGISTRATION_NOT_CONFIRMED');
      if (registration.checkedInAt) return { registration, alreadyCheckedIn: true };
      return { registration: await this.markCheckedIn(manager, actor, registration), alreadyCheckedIn: false };
    });
    return this.result(outcome);
  }

  /**
   * Admits an alumnus who came without a confirmed seat: confirmed and checked in at once.
   * They take a free seat; when none is left, capacity grows by one, as they are in the room.
   */
  async walkIn(actor: AuthUserDto, eventId: string, alumnusId: string): Promise<CheckInResultDto> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const event = await this.openEvent(manager, eventId);
      if (!(await this.alumni.findActive(alumnusId, manager))) throw new AppError('ALUMNUS_NOT_FOUND');
      const existing = await manager.findOneBy(RegistrationEntity, { eventId, alumnusId });
      if (existing?.status === 'confirmed' && existing.checkedInAt) return { registration: existing, alreadyCheckedIn: true };
      if (existing?.status !== 'confirmed') {
        if (event.confirmedCount >= event.capacity) {
          await manager.update(EventEntity, { id: event.id }, { capacity: event.confirmedCount + 1 });
          event.capacity = event.confirmedCount + 1;
        }
        await this.seats.setConfirmedCount(manager, event, event.confirmedCount + 1);
      }
      const registration = existing
        ? Object.assign(existing, { status: 'confirmed' as const, cancelledAt: null })
        : manager.create(RegistrationEntity, { eventId, alumnusId, status: 'confirmed', answers: {}, walkIn: true });
      const saved = await manager.save(registration);
      await this.interactions.record(manager, {
        alumnusId,
        kind: 'events.registered',
        subjectType: 'event',
        subjectId: eventId,
        detail: { registrationId: saved.id, walkIn: true },
      });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'event.walk_in_added',
        subjectType: 'event',
        subjectId: eventId,
        after: { alumnusId, registrationId: saved.id },
      });
      return { registration: await this.markCheckedIn(manager, actor, saved), alreadyCheckedIn: false };
    });
    return this.result(outcome);
  }

  private async openEvent(manager: EntityManager, eventId: string): Promise<EventEntity> {
    const event = await manager.findOne(EventEntity, { where: { id: eventId }, lock: { mode: 'pessimistic_write' } });
    if (!event) throw new AppError('EVENT_NOT_FOUND');
    if (event.status !== 'published') throw new AppError('EVENT_NOT_OPEN', [{ issue: `the event is ${event.status}` }]);
    return event;
  }

  private fromToken(token: string): string {
    const check = verifyCheckInToken(this.key, token);
    if (!check.ok) throw new AppError(check.reason === 'expired' ? 'CHECK_IN_TOKEN_EXPIRED' : 'CHECK_IN_TOKEN_INVALID');
    return check.registrationId;
  }

  /** Short codes carry no id: the event's confirmed tickets are tried for this step and the previous one. */
  private async fromShortCode(manager: EntityManager, eventId: string, typed: string): Promise<string> {
    const code = normaliseShortCode(typed);
    const step = checkInStep();
    const confirmed = await manager.find(RegistrationEntity, { select: { id: true }, where: { eventId, status: 'confirmed' } });
    const matches = confirmed.filter((r) => [step, step - 1].some((s) => checkInShortCode(this.key, r.id, s) === code));
    if (matches.length !== 1) throw new AppError('CHECK_IN_CODE_INVALID');
    return matches[0]!.id;
  }

  private async markCheckedIn(manager: EntityManager, actor: AuthUserDto, registration: RegistrationEntity): Promise<RegistrationEntity> {
    registration.checkedInAt = new Date();
    registration.checkedInBy = actor.id;
    const saved = await manager.save(registration);
    await this.interactions.record(manager, {
      alumnusId: saved.alumnusId,
      kind: 'events.checked_in',
      subjectType: 'event',
      subjectId: saved.eventId,
      detail: { registrationId: saved.id, by: actor.id },
    });
    await this.audit.record(manager, {
      actorId: actor.id,
      action: 'event.checked_in',
      subjectType: 'event_registration',
      subjectId: saved.id,
    });
    return saved;
  }

  /** Built after the transaction committed: the name is read through the alumni module's own connection. */
  private async result({
    registration,
    alreadyCheckedIn,
  }: {
    registration: RegistrationEntity;
    alreadyCheckedIn: boolean;
  }): Promise<CheckInResultDto> {
    const [alumnus] = await this.alumni.findByIds([registration.alumnusId]);
    return {
      registrationId: registration.id,
      alumnusId: registration.alumnusId,
      displayName: alumnus?.displayName ?? '',
      checkedInAt: registration.checkedInAt!.toISOString(),
      alreadyCheckedIn,
    };
  }
}
