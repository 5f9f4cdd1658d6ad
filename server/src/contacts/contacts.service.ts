import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type AuthUserDto,
  CONTACT_LIMITS,
  type ContactRequestDto,
  type ContactStandingDto,
  type ErrorCode,
  type MyContactRequestsDto,
  type SharedContactDto,
} from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AlumnusViewService } from '../alumni/alumnus-view.service.js';
import type { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { AppError } from '../common/app-error.js';
import type { ContactShareBodyDto } from '../common/contact-share.dto.js';
import { ContentGateService } from '../content-security/content-gate.service.js';
import { DirectoryService } from '../directory/directory.service.js';
import { PhoneService } from '../identity/phone.service.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { ContactRequestEntity } from './contact-request.entity.js';
import type { ContactRequestBodyDto } from './dto/contacts.dto.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const SUBJECT = 'contact_request';

/** The columns one side's share is kept in. */
interface Share {
  sharePhone: boolean;
  email: string | null;
  wechatId: string | null;
}

const shareOf = (row: ContactRequestEntity, side: 'sender' | 'recipient'): Share =>
  side === 'sender'
    ? { sharePhone: row.senderSharePhone, email: row.senderEmail, wechatId: row.senderWechatId }
    : { sharePhone: row.recipientSharePhone, email: row.recipientEmail, wechatId: row.recipientWechatId };

/**
 * 校友录 contact requests (docs/directory.md). A verified alumnus asks a verified classmate,
 * with a note and the contact fields they share; the classmate accepts (sharing back what they
 * choose), refuses, or blocks. Each step changes the row, writes its interaction row(s) and
 * queues the other side's notice in one transaction. What stops a request is decided in one
 * place (`refusalFor`), under a lock on both alumni rows (taken in id order), so two requests
 * of one sender never both pass the daily limit or open two requests to one person.
 */
@Injectable()
export class ContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: DirectoryService,
    private readonly alumni: AlumniService,
    private readonly view: AlumnusViewService,
    private readonly phones: PhoneService,
    private readonly gate: ContentGateService,
    private readonly interactions: InteractionsService,
    private readonly outbox: OutboxService,
  ) {}

  async request(user: AuthUserDto, dto: ContactRequestBodyDto): Promise<ContactRequestDto> {
    const me = await this.directory.assertMayBrowse(user);
    if (dto.recipientId === user.id) throw new AppError('CONTACT_SELF', [{ field: 'recipientId', issue: 'is the sender' }]);
    const share = checkedShare(dto, me);
    // WeChat's check before the transaction: a risky note is refused; the note is for one person, so nothing waits for staff.
    if (dto.note) await this.gate.decide(user.id, 'comment', dto.note, 'note');
    const row = await this.dataSource.transaction(async (manager) => {
      const locked = new Map<string, AlumnusEntity | null>();
      for (const id of [user.id, dto.recipientId].sort()) locked.set(id, await this.alumni.lockActive(manager, id));
      const sender = locked.get(user.id);
      const recipient = locked.get(dto.recipientId);
      if (!sender) throw new AppError('ALUMNUS_NOT_FOUND');
      if (!recipient || recipient.verifiedAt === null) throw new AppError('CONTACT_RECIPIENT_NOT_FOUND');
      const refusal = await this.refusalFor(manager, user.id, dto.recipientId);
      if (refusal) throw new AppError(refusal);
      const saved = await manager.save(ContactRequestEntity, {
        senderId: user.id,
        recipientId: dto.recipientId,
        note: dto.note ?? null,
        status: 'pending' as const,
        senderSharePhone: share.sharePhone,
        senderEmail: share.email,
        senderWechatId: share.wechatId,
      });
      await this.record(manager, user.id, 'directory.contact_requested', saved, { recipientId: dto.recipientId });
      await this.outbox.enqueue(manager, [
        {
          alumnusId: dto.recipientId,
          kind: 'directory.contact-requested',
          payload: { contactRequestId: saved.id, senderName: sender.realName ?? sender.displayName, note: dto.note ?? null },
        },
      ]);
      return manager.findOneByOrFail(ContactRequestEntity, { id: saved.id });
    });
    return (await this.present([row], user))[0]!;
  }

  /** The recipient accepts and chooses what they share back; from now on each side sees the other's fields. */
  async accept(user: AuthUserDto, id: string, dto: ContactShareBodyDto): Promise<ContactRequestDto> {
    const me = await this.alumni.findActive(user.id);
    if (!me) throw new AppError('ALUMNUS_NOT_FOUND');
    const share = checkedShare(dto, me);
    const row = await this.decide(user, id, ['pending'], async (manager, request) => {
      Object.assign(request, {
        status: 'accepted',
        recipientSharePhone: share.sharePhone,
        recipientEmail: share.email,
        recipientWechatId: share.wechatId,
      });
      // Both now have a classmate's contact details: each side's timeline says so.
      await this.record(manager, request.recipientId, 'directory.contact_accepted', request, { senderId: request.senderId });
      await this.record(manager, request.senderId, 'directory.contact_accepted', request, { recipientId: request.recipientId });
      await this.outbox.enqueue(manager, [
        {
          alumnusId: request.senderId,
          kind: 'directory.contact-accepted',
          payload: { contactRequestId: request.id, recipientName: me.realName ?? me.displayName },
        },
      ]);
    });
    return (await this.present([row], user))[0]!;
  }

  /** The recipient says no: the sender is not told beyond the status, and may ask again only after the cool-down. */
  async refuse(user: AuthUserDto, id: string): Promise<ContactRequestDto> {
    const row = await this.decide(user, id, ['pending'], async (manager, request) => {
      request.status = 'refused';
      await this.record(manager, request.recipientId, 'directory.contact_refused', request, { senderId: request.senderId });
    });
    return (await this.present([row], user))[0]!;
  }

  /**
   * The recipient blocks the sender: the sender can never ask them again (they read it as
   * refused). Blocking an accepted exchange ends it: neither side sees the other's fields.
   */
  async block(user: AuthUserDto, id: string): Promise<ContactRequestDto> {
    const row = await this.decide(user, id, ['pending', 'refused', 'accepted'], async (manager, request) => {
      request.status = 'blocked';
      await this.record(manager, request.recipientId, 'directory.contact_blocked', request, { senderId: request.senderId });
    });
    return (await this.present([row], user))[0]!;
  }

  /** My requests, newest first on each side, the ones waiting for me first. */
  async mine(user: AuthUserDto): Promise<MyContactRequestsDto> {
    const repository = this.dataSource.getRepository(ContactRequestEntity);
    const [received, sent] = await Promise.all([
      repository
        .createQueryBuilder('r')
        .where('r.recipientId = :id', { id: user.id })
        .orderBy(`CASE WHEN r.status = 'pending' THEN 0 ELSE 1 END`)
        .addOrderBy('r.createdAt', 'DESC')
        .addOrderBy('r.id', 'DESC')
        .take(CONTACT_LIMITS.listed)
        .getMany(),
      repository.find({ where: { senderId: user.id }, order: { createdAt: 'DESC', id: 'DESC' }, take: CONTACT_LIMITS.listed }),
    ]);
    const presented = await this.present([...received, ...sent], user);
    return { received: presented.slice(0, received.length), sent: presented.slice(received.length) };
  }

  /** Where I stand with one alumnus: the latest request between us, and whether I may ask now. */
  async standing(user: AuthUserDto, alumnusId: string): Promise<ContactStandingDto> {
    const me = await this.directory.assertMayBrowse(user);
    const other = await this.alumni.findActive(alumnusId);
    if (!other || other.verifiedAt === null) throw new AppError('CONTACT_RECIPIENT_NOT_FOUND');
    const latest = await this.dataSource.getRepository(ContactRequestEntity).findOne({
      where: [
        { senderId: user.id, recipientId: alumnusId },
        { senderId: alumnusId, recipientId: user.id },
      ],
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    const refusal = alumnusId === user.id ? 'CONTACT_SELF' : await this.refusalFor(this.dataSource.manager, user.id, alumnusId);
    return {
      request: latest ? (await this.present([latest], user))[0]! : null,
      mayRequest: refusal === null,
      blockedBy: refusal,
      phoneBound: me.phoneEncrypted !== null,
    };
  }

  /**
   * Why `senderId` may not ask `recipientId` now, or null: blocked by them (for good),
   * already in touch, a request waiting either way, refused within the cool-down, or the
   * sender's daily number of requests reached.
   */
  private async refusalFor(manager: EntityManager, senderId: string, recipientId: string): Promise<ErrorCode | null> {
    const rows = await manager.find(ContactRequestEntity, {
      where: [
        { senderId, recipientId },
        { senderId: recipientId, recipientId: senderId },
      ],
    });
    const mine = rows.filter((r) => r.senderId === senderId);
    const cooldownStart = Date.now() - CONTACT_LIMITS.refusedCooldownDays * DAY_MS;
    if (mine.some((r) => r.status === 'blocked')) return 'CONTACT_NOT_ACCEPTED';
    if (rows.some((r) => r.status === 'accepted')) return 'CONTACT_ALREADY_CONNECTED';
    if (mine.some((r) => r.status === 'pending')) return 'CONTACT_REQUEST_PENDING';
    if (rows.some((r) => r.status === 'pending')) return 'CONTACT_REQUEST_AWAITS_YOU';
    if (mine.some((r) => r.status === 'refused' && (r.decidedAt ?? r.createdAt).getTime() > cooldownStart)) {
      return 'CONTACT_REFUSED_RECENTLY';
    }
    const [{ count }] = (await manager.query(
      `SELECT count(*)::int AS count FROM contact_requests WHERE sender_id = $1 AND created_at > now() - interval '24 hours'`,
      [senderId],
    )) as [{ count: number }];
    return count >= CONTACT_LIMITS.requestsPerDay ? 'CONTACT_RATE_LIMITED' : null;
  }

  /** A step of the recipient on a request received, row-locked; anyone else's request is "not found". */
  private async decide(
    user: AuthUserDto,
    id: string,
    from: ContactRequestEntity['status'][],
    change: (manager: EntityManager, row: ContactRequestEntity) => Promise<void>,
  ): Promise<ContactRequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(ContactRequestEntity, { where: { id, recipientId: user.id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new AppError('CONTACT_REQUEST_NOT_FOUND');
      if (!from.includes(row.status)) throw new AppError('CONTACT_REQUEST_STATE_CONFLICT');
      await change(manager, row);
      row.decidedAt = new Date();
      return manager.save(ContactRequestEntity, row);
    });
  }

  private record(manager: EntityManager, alumnusId: string, kind: string, row: ContactRequestEntity, detail: Record<string, unknown>) {
    return this.interactions.record(manager, { alumnusId, kind, subjectType: SUBJECT, subjectId: row.id, detail });
  }

  /** Requests as `user` sees them: the other person as the directory shows them, the shares as far as they may see them. */
  private async present(rows: ContactRequestEntity[], user: AuthUserDto): Promise<ContactRequestDto[]> {
    const otherOf = (row: ContactRequestEntity) => (row.senderId === user.id ? row.recipientId : row.senderId);
    const people = await this.alumni.findByIds([...new Set(rows.map(otherOf))]);
    const cards = new Map((await this.view.present(people, { id: user.id, roles: user.roles })).map((card) => [card.id, card]));
    const phoneCache = new Map<string, Promise<string | null>>();
    const phoneOf = (alumnusId: string) => {
      if (!phoneCache.has(alumnusId)) {
        phoneCache.set(
          alumnusId,
          this.phones.mine(alumnusId).then(
            (phone) => phone?.phoneNumber ?? null,
            () => null,
          ),
        );
      }
      return phoneCache.get(alumnusId)!;
    };
    const shown = async (share: Share, alumnusId: string): Promise<SharedContactDto> => ({
      phone: share.sharePhone ? await phoneOf(alumnusId) : null,
      email: share.email,
      wechatId: share.wechatId,
    });
    return Promise.all(
      rows.map(async (row) => {
        const sent = row.senderId === user.id;
        const card = cards.get(otherOf(row));
        const myShare = shareOf(row, sent ? 'sender' : 'recipient');
        return {
          id: row.id,
          direction: sent ? ('sent' as const) : ('received' as const),
          status: sent && row.status === 'blocked' ? 'refused' : row.status,
          other: {
            id: otherOf(row),
            displayName: card?.displayName ?? '已注销校友',
            realName: card?.realName ?? null,
            avatarUrl: card?.avatarUrl ?? null,
            graduationYear: card?.graduationYear ?? null,
            department: card?.department ?? null,
          },
          note: row.note,
          myShare: sent || row.status === 'accepted' ? await shown(myShare, user.id) : null,
          theirContact: row.status === 'accepted' ? await shown(shareOf(row, sent ? 'recipient' : 'sender'), otherOf(row)) : null,
          createdAt: row.createdAt.toISOString(),
          decidedAt: row.decidedAt?.toISOString() ?? null,
        };
      }),
    );
  }
}

/** At least one field, and the phone only when one is bound. */
function checkedShare(dto: ContactShareBodyDto, me: AlumnusEntity): Share {
  const share = { sharePhone: dto.sharePhone, email: dto.email ?? null, wechatId: dto.wechatId ?? null };
  if (!share.sharePhone && !share.email && !share.wechatId) {
    throw new AppError('CONTACT_NOTHING_SHARED', [{ field: 'sharePhone', issue: 'share the phone, an e-mail address or a WeChat ID' }]);
  }
  if (share.sharePhone && me.phoneEncrypted === null) throw new AppError('CONTACT_PHONE_NOT_BOUND');
  return share;
}
